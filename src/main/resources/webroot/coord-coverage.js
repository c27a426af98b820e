// "Couverture SNP" (issue 14): for the next 7 days, free and booked SNP slots per commune, day and half-day, as a
// table and as a picture, so a gap is seen at a glance; a cell opens the professionals behind it.
import { get, query, showProblem } from './api.js';
import { h, field, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';

const HALVES = [['MORNING', 'matin'], ['AFTERNOON', 'après-midi']];

export function render(main, session) {
  const problem = alertBox();
  const territory = h('select', { name: 'territory' }, session.account.territories.map((t) => h('option', { value: t }, t)));
  const body = h('div');
  const detail = h('div', { role: 'region', 'aria-live': 'polite', 'aria-label': 'Professionnels de la case choisie' });
  main.replaceChildren(h('h1', {}, 'Couverture en soins non programmés'),
    session.account.territories.length > 1 ? field('Territoire', territory) : '', problem, body, detail);
  territory.addEventListener('change', load);
  get('/api/v1/territories').then((t) => {
    (t.items || t).forEach((x) => { const o = territory.querySelector(`option[value="${x.id}"]`); if (o) o.textContent = x.name; });
  }).catch(() => {});

  async function load() {
    try {
      const c = await get(`/api/v1/agenda/snp-coverage${query({ territory: territory.value, days: 7 })}`);
      const cells = {};
      c.cells.forEach((x) => { cells[`${x.communeInsee}|${x.date}|${x.halfDay}`] = x; });
      const at = (insee, day, half) => cells[`${insee}|${day}|${half}`] || { free: 0, booked: 0, professionals: [] };
      const communes = [...c.communes].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      body.replaceChildren(table(c, communes, at), picture(c, communes, at));
      detail.replaceChildren();
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function open(commune, day, half, cell) {
    const where = `${commune.name} — ${paris.dayLabel(day)}, ${HALVES.find(([k]) => k === half)[1]}`;
    detail.replaceChildren(section(where, cell.professionals.length
      ? h('ul', {}, cell.professionals.map((p) => h('li', {}, `${p.givenName} ${p.familyName} (${fmt.professions[p.profession]}) : `
        + `${p.free} libre(s), ${p.booked} réservé(s)`)))
      : h('p', {}, "Aucun professionnel n'a de créneau SNP ici : c'est un trou à combler.")));
    detail.querySelector('h2').setAttribute('tabindex', '-1');
    detail.querySelector('h2').focus();
  }

  function table(c, communes, at) {
    const head = h('thead', {},
      h('tr', {}, h('td', { rowspan: 2 }), c.days.map((d) => h('th', { scope: 'colgroup', colspan: 2 }, paris.dayLabel(d)))),
      h('tr', {}, c.days.flatMap(() => HALVES.map(([, label]) => h('th', { scope: 'col' }, label)))));
    const rows = communes.map((commune) => h('tr', {}, h('th', { scope: 'row' }, commune.name),
      c.days.flatMap((day) => HALVES.map(([half, label]) => {
        const cell = at(commune.insee, day, half);
        const gap = cell.free === 0;
        const text = cell.free + cell.booked === 0 ? 'Aucun' : `${cell.free} libre${cell.free > 1 ? 's' : ''}`
          + (cell.booked ? ` · ${cell.booked} pris` : '');
        return h('td', { class: gap ? 'gap' : (cell.free < 3 ? 'few' : 'ok') },
          h('button', { type: 'button', class: 'cell', 'aria-label': `${commune.name}, ${paris.dayLabel(day)} ${label} : ${text}`,
            onclick: () => open(commune, day, half, cell) }, gap ? `✕ ${text}` : text));
      }))));
    return section(`Créneaux SNP des 7 prochains jours — ${c.territoryName}`,
      h('p', { class: 'hint' }, 'Matin : avant 13 h. « ✕ » : aucun créneau libre. Choisissez une case pour voir les professionnels.'),
      h('div', { class: 'scroll' }, h('table', { class: 'coverage' }, h('caption', {}, 'Créneaux SNP libres et pris par commune et demi-journée'),
        head, h('tbody', {}, rows))));
  }

  function picture(c, communes, at) {
    const gaps = [];
    const grid = h('div', { class: 'heat', 'aria-hidden': 'true' });
    grid.style.setProperty('--cols', String(c.days.length * 2));
    communes.forEach((commune) => {
      grid.append(h('span', { class: 'heat-name' }, commune.name));
      c.days.forEach((day) => HALVES.forEach(([half, label]) => {
        const cell = at(commune.insee, day, half);
        if (cell.free === 0) gaps.push(`${commune.name} ${paris.dayLabel(day)} ${label}`);
        grid.append(h('span', { class: `heat-cell ${cell.free === 0 ? 'gap' : (cell.free < 3 ? 'few' : 'ok')}`, title: `${commune.name} ${paris.dayLabel(day)} ${label}` }));
      }));
    });
    const summary = gaps.length ? `${gaps.length} demi-journée(s) sans créneau SNP libre.` : 'Chaque commune a au moins un créneau libre par demi-journée.';
    return section('Vue d\'ensemble', h('figure', { class: 'heat-figure', role: 'img', 'aria-label': summary },
      grid, h('figcaption', {}, `${summary} Rouge hachuré : aucun créneau libre ; orange : 1 ou 2 ; vert : 3 ou plus. Une ligne par commune, `
        + 'deux cases par jour (matin, après-midi).')));
  }
  load();
  return null;
}
