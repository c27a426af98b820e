// "Tour de garde" (issue 22): the coordinator opens a month for volunteering, proposes it, reads it as a grid
// (days × sectors × bands, who holds each place and why, the gaps marked), edits a place by hand with a reason,
// publishes it, reads its history, exports it (CSV, printable A4 page).
import { get, post, api, showProblem } from './api.js';
import { h, field, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';
import * as rota from './rota.js';

export function render(main, session) {
  const territory = h('select', { name: 'territory' });
  rota.territoryOptions(territory, session);
  const month = h('select', { name: 'month' });
  const problem = alertBox();
  const status = h('p', { role: 'status', class: 'rota-status', tabindex: '-1' });
  const head = h('div');
  const grid = h('div');
  const editor = h('div', { role: 'region', 'aria-label': 'Modifier une place' });
  const history = h('div');
  const state = { view: null, names: {}, lastCell: null };
  main.replaceChildren(h('h1', {}, 'Tour de garde'),
    h('div', { class: 'inline' }, session.account.territories.length > 1 ? field('Territoire', territory) : '', field('Mois', month)),
    problem, status, head, editor, grid, history);
  territory.addEventListener('change', load);
  month.addEventListener('change', load);
  const path = () => `${rota.base(territory.value)}/months/${month.value}`;

  async function load() {
    problem.replaceChildren();
    editor.replaceChildren();
    history.replaceChildren();
    try {
      state.view = await get(path());
    } catch (error) {
      state.view = null;
      grid.replaceChildren();
      if (error.status === 404) head.replaceChildren(openForm());
      else showProblem(problem, error);
      return;
    }
    head.replaceChildren(summary(state.view));
    grid.replaceChildren(table(state.view));
  }

  function openForm() {
    const deadline = h('input', { name: 'deadline', inputmode: 'numeric', autocomplete: 'off' });
    const errors = alertBox();
    const form = h('form', {}, h('p', {}, `${rota.monthLabel(month.value)} n'est pas encore ouvert au volontariat.`),
      field('Date limite des réponses (jj/mm/aaaa)', deadline, 'Les médecins répondent jusqu’à ce jour, 23 h 59.'),
      errors, h('button', { type: 'submit' }, 'Ouvrir le mois au volontariat'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const day = paris.parseDay(deadline.value);
      if (!day) {
        errors.textContent = 'Indiquez la date limite au format jj/mm/aaaa.';
        deadline.focus();
        return;
      }
      try {
        await post(`${rota.base(territory.value)}/months`, { month: month.value, deadline: paris.parisIso(day, '23:59') });
        await load();
        status.textContent = `${rota.monthLabel(month.value)} est ouvert au volontariat.`;
        status.focus();
      } catch (error) {
        showProblem(errors, error);
      }
    });
    return section(`Ouvrir ${rota.monthLabel(month.value)}`, form);
  }

  function summary(view) {
    const actions = h('div', { class: 'actions' });
    if (view.status !== 'PUBLISHED') actions.append(h('button', { type: 'button', onclick: propose }, 'Calculer la proposition'));
    if (view.status === 'PROPOSED') actions.append(h('button', { type: 'button', onclick: publish }, 'Publier le mois'));
    actions.append(h('button', { type: 'button', class: 'secondary', onclick: showHistory }, "Voir l'historique"),
      h('a', { class: 'button-link', href: `${path()}/export.csv`, download: '' }, 'Exporter en CSV'),
      h('a', { class: 'button-link', href: `${path()}/print`, target: '_blank', rel: 'noopener' }, 'Page A4 imprimable'));
    return section(`${rota.monthLabel(view.month)} : ${rota.statuses[view.status]}`,
      h('p', {}, `Réponses attendues jusqu'au ${paris.dayLabel(paris.parisDay(view.deadline))}. `
        + `${view.places} place(s), ${view.gaps} non pourvue(s).`), actions);
  }

  async function propose() {
    try {
      const s = await api('POST', `${path()}/proposal`);
      await load();
      status.textContent = `Proposition calculée : ${s.held} place(s) pourvue(s) sur ${s.places}, ${s.gaps.length} non pourvue(s) ; `
        + `écart le plus grand à la part équitable : ${fair(s.largestGap)} (week-ends et fériés : ${fair(s.largestSpecialGap)}).`;
    } catch (error) {
      showProblem(problem, error);
    }
  }

  async function publish() {
    try {
      await api('POST', `${path()}/publication`);
      await load();
      status.textContent = `${rota.monthLabel(month.value)} est publié : les gardes sont visibles des médecins et des opérateurs.`;
      status.focus();
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function table(view) {
    const sectors = [];
    const bands = new Map();
    view.grid.forEach((p) => {
      if (!sectors.some((s) => s.id === p.sectorId)) sectors.push({ id: p.sectorId, name: p.sectorName });
      if (!bands.has(p.bandId)) bands.set(p.bandId, { id: p.bandId, sectorId: p.sectorId, label: p.bandLabel, sample: p });
    });
    const columns = sectors.flatMap((s) => [...bands.values()].filter((b) => b.sectorId === s.id));
    const days = [...new Set(view.grid.map((p) => p.day))].sort();
    const at = {};
    view.grid.forEach((p) => { (at[`${p.day}|${p.bandId}`] = at[`${p.day}|${p.bandId}`] || []).push(p); });
    const thead = h('thead', {},
      h('tr', {}, h('td', { rowspan: 2 }), sectors.map((s) => h('th', { scope: 'colgroup', colspan: columns.filter((b) => b.sectorId === s.id).length },
        s.name))),
      h('tr', {}, columns.map((b) => h('th', { scope: 'col' }, `${b.label} (${rota.hours(b.sample)})`))));
    const rows = days.map((day) => h('tr', {}, h('th', { scope: 'row' }, paris.dayLabel(day)),
      columns.map((b) => {
        const seats = (at[`${day}|${b.id}`] || []).sort((x, y) => x.seat - y.seat);
        return h('td', { class: seats.some((p) => !p.professionalId) ? 'gap' : '' }, seats.length
          ? h('ul', { class: 'seats' }, seats.map((p) => h('li', {}, seat(p)))) : h('span', { class: 'muted' }, '—'));
      })));
    return section('Grille du mois', h('p', { class: 'hint' }, '« ✕ » : place non pourvue. Choisissez une place pour la modifier.'),
      h('div', { class: 'scroll' }, h('table', { class: 'rota-grid' },
        h('caption', {}, `Tour de garde de ${rota.monthLabel(view.month)} : qui tient chaque place, et pourquoi`), thead, h('tbody', {}, rows))));
  }

  function seat(p) {
    const who = p.professionalId ? (state.names[p.professionalId] || 'un professionnel') : null;
    const why = p.professionalId ? [rota.reasons[p.reason], p.givenAway ? 'cédée' : null].filter(Boolean).join(', ') : '';
    const text = who ? `${who}${why ? ` (${why})` : ''}` : '✕ Non pourvue';
    return h('button', { type: 'button', class: `seat${who ? '' : ' gap'}`, 'data-place': p.placeId,
      'aria-label': `${rota.placeLabel(p)}, place ${p.seat + 1} : ${text}`, onclick: (e) => edit(p, e.currentTarget) },
    who || '✕ Non pourvue', why ? h('span', { class: 'why' }, why) : '');
  }

  function edit(p, cell) {
    state.lastCell = p.placeId;
    const who = h('select', { name: 'professionalId' }, h('option', { value: '' }, '— Personne (place non pourvue) —'),
      Object.entries(state.names).sort((a, b) => a[1].localeCompare(b[1], 'fr')).map(([id, name]) => h('option', { value: id }, name)));
    who.value = p.professionalId || '';
    const why = h('textarea', { name: 'why', rows: 2, maxlength: 500, required: true });
    const errors = alertBox();
    const form = h('form', {}, field('Professionnel de garde', who), field('Motif du changement', why), errors,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer le changement'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { editor.replaceChildren(); cell.focus(); } }, 'Annuler')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!why.value.trim()) {
        errors.textContent = 'Dites pourquoi la place change : ce motif reste dans l’historique.';
        why.focus();
        return;
      }
      try {
        await api('PUT', `${rota.base(territory.value)}/places/${p.placeId}`, { professionalId: who.value || null, why: why.value.trim() });
        await load();
        status.textContent = `Place modifiée : ${rota.placeLabel(p)}.`;
        const back = grid.querySelector(`[data-place="${state.lastCell}"]`);
        if (back) back.focus();
      } catch (error) {
        showProblem(errors, error);
        if (error.appointments.length) {
          errors.append(h('p', {}, 'Rendez-vous à replacer avant de libérer la place :'), h('ul', {}, error.appointments.map((a) =>
            h('li', {}, h('a', { href: `#/rendez-vous/${a.id}` }, `Rendez-vous du ${fmt.when(a.start)}`)))));
        }
      }
    });
    const panel = section(`Modifier : ${rota.placeLabel(p)}, place ${p.seat + 1}`, form);
    editor.replaceChildren(panel);
    const title = panel.querySelector('h2');
    title.setAttribute('tabindex', '-1');
    title.focus();
  }

  async function showHistory() {
    try {
      const [entries, accounts] = await Promise.all([get(`${path()}/history`), get('/api/v1/accounts').catch(() => ({ items: [] }))]);
      const login = (id) => ((accounts.items || []).find((a) => a.id === id) || { login: 'un compte' }).login;
      const place = (id) => { const p = state.view.grid.find((x) => x.placeId === id); return p ? `${rota.placeLabel(p)}, place ${p.seat + 1}` : '—'; };
      const name = (id) => (id ? state.names[id] || 'un professionnel' : '—');
      const panel = section('Historique des changements', h('div', { class: 'scroll' }, h('table', { class: 'rota-history' },
        h('caption', {}, 'Chaque changement du mois : qui, quand, pourquoi'),
        h('thead', {}, h('tr', {}, ['Quand', 'Changement', 'Place', 'Professionnel', 'Avant', 'Par', 'Motif'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, entries.map((x) => h('tr', {}, h('td', {}, fmt.when(x.at)),
          h('td', {}, rota.actions[x.action] || x.action), h('td', {}, x.placeId ? place(x.placeId) : '—'),
          h('td', {}, name(x.professionalId)), h('td', {}, name(x.previousId)), h('td', {}, login(x.accountId)), h('td', {}, x.why || '')))))));
      history.replaceChildren(panel);
      const title = panel.querySelector('h2');
      title.setAttribute('tabindex', '-1');
      title.focus();
    } catch (error) {
      showProblem(problem, error);
    }
  }

  async function start() {
    const [now, names] = await Promise.all([paris.serverNow(), rota.professionalNames()]);
    state.names = names;
    const current = paris.parisDay(now).slice(0, 7);
    month.replaceChildren(...[-1, 0, 1, 2, 3].map((n) => rota.addMonths(current, n)).map((m) => h('option', { value: m }, rota.monthLabel(m))));
    month.value = rota.addMonths(current, 1);
    await load();
  }
  start();
  return null;
}

function fair(x) {
  return Number(x).toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}
