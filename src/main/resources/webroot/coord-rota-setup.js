// "Secteurs et plages de garde" (issue 22): the coordinator lists and adds the territory's sectors (groups of
// communes) and duty bands (days, Paris hours, profession, professionals needed, patients each, booking step).
import { get, post, showProblem } from './api.js';
import { h, field, section, alertBox, uid } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';
import * as rota from './rota.js';

const DAY_NAMES = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export function render(main, session) {
  const territory = h('select', { name: 'territory' });
  rota.territoryOptions(territory, session);
  const problem = alertBox();
  const sectorsArea = h('div');
  const bandsArea = h('div');
  const state = { sectors: [], communes: [] };
  const communeBoxes = h('div');
  const sectorChoice = h('select', { name: 'sectorId' });
  main.replaceChildren(h('h1', {}, 'Secteurs et plages de garde'),
    session.account.territories.length > 1 ? field('Territoire', territory) : '', problem,
    section('Secteurs', sectorsArea, sectorForm()), section('Plages de garde', bandsArea, bandForm()));
  territory.addEventListener('change', load);

  async function load() {
    try {
      const [sectors, bands, territories] = await Promise.all([get(`${rota.base(territory.value)}/sectors`),
        get(`${rota.base(territory.value)}/bands`), get('/api/v1/territories')]);
      const t = (territories.items || territories).find((x) => x.id === territory.value);
      state.sectors = sectors;
      state.communes = t ? t.communes : [];
      communeBoxes.replaceChildren(...state.communes.map((c) => {
        const box = h('input', { type: 'checkbox', name: 'communes', value: c.insee, id: uid('c') });
        return h('span', { class: 'check' }, box, h('label', { for: box.id }, c.name));
      }));
      sectorChoice.replaceChildren(...sectors.map((s) => h('option', { value: s.id }, s.name)));
      const name = (insee) => (state.communes.find((c) => c.insee === insee) || { name: insee }).name;
      sectorsArea.replaceChildren(h('table', {}, h('caption', {}, 'Secteurs du territoire'),
        h('thead', {}, h('tr', {}, ['Secteur', 'Communes'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, sectors.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.name + (s.isDefault ? ' (par défaut)' : '')),
          h('td', {}, s.communes.length ? s.communes.map(name).join(', ') : 'toutes les autres'))))));
      const sectorName = (id) => (sectors.find((s) => s.id === id) || { name: '' }).name;
      bandsArea.replaceChildren(bands.length ? h('table', {}, h('caption', {}, 'Plages de garde du territoire'),
        h('thead', {}, h('tr', {}, ['Plage', 'Secteur', 'Jours', 'Heures', 'Profession', 'Professionnels', 'Patients chacun', 'Pas']
          .map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, bands.map((b) => h('tr', {}, h('th', { scope: 'row' }, b.label), h('td', {}, sectorName(b.sectorId)),
          h('td', {}, b.holidays ? 'jours fériés' : b.days.map((d) => rota.weekdays[DAY_NAMES.indexOf(d)]).join(', ')),
          h('td', {}, `${rota.wallTime(b.start)} – ${rota.wallTime(b.end)}`), h('td', {}, fmt.professions[b.profession] || b.profession),
          h('td', {}, String(b.needed)), h('td', {}, String(b.capacity)), h('td', {}, `${b.stepMinutes} min`)))))
        : h('p', { class: 'muted' }, "Aucune plage : ajoutez-en une avant d'ouvrir un mois."));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function sectorForm() {
    const name = h('input', { name: 'name', maxlength: 100, required: true });
    const status = h('p', { role: 'status' });
    const errors = alertBox();
    const form = h('form', {}, h('h3', {}, 'Nouveau secteur'), field('Nom du secteur', name),
      h('fieldset', {}, h('legend', {}, 'Communes du secteur'), communeBoxes), errors, status,
      h('button', { type: 'submit' }, 'Ajouter le secteur'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      errors.replaceChildren();
      const communes = [...communeBoxes.querySelectorAll('input:checked')].map((c) => c.value);
      try {
        await post(`${rota.base(territory.value)}/sectors`, { name: name.value.trim(), communes });
        status.textContent = `Secteur « ${name.value.trim()} » ajouté.`;
        form.reset();
        await load();
      } catch (error) {
        showProblem(errors, error);
      }
    });
    return form;
  }

  function bandForm() {
    const label = h('input', { name: 'label', maxlength: 100 });
    const days = rota.weekdays.map((d, i) => h('input', { type: 'checkbox', name: 'days', value: String(i + 1), id: uid('d') }));
    const holidays = h('input', { type: 'checkbox', name: 'holidays', id: uid('f') });
    const start = h('input', { name: 'start', inputmode: 'numeric', size: 6 });
    const end = h('input', { name: 'end', inputmode: 'numeric', size: 6 });
    const profession = h('select', { name: 'profession' }, Object.entries(fmt.professions).map(([v, l]) => h('option', { value: v }, l)));
    const needed = h('input', { type: 'number', name: 'needed', min: 1, max: 50, value: 1 });
    const capacity = h('input', { type: 'number', name: 'capacity', min: 1, max: 100, value: 4 });
    const step = h('input', { type: 'number', name: 'stepMinutes', min: 5, max: 240, value: 15 });
    const status = h('p', { role: 'status' });
    const errors = alertBox();
    const form = h('form', {}, h('h3', {}, 'Nouvelle plage'),
      h('div', { class: 'inline' }, field('Nom de la plage', label), field('Secteur', sectorChoice), field('Profession', profession)),
      h('fieldset', {}, h('legend', {}, 'Jours'), days.map((box, i) => h('span', { class: 'check' }, box,
        h('label', { for: box.id }, rota.weekdays[i]))),
      h('span', { class: 'check' }, holidays, h('label', { for: holidays.id }, 'Jours fériés seulement'))),
      h('div', { class: 'inline' }, field('Début (hh:mm)', start), field('Fin (hh:mm)', end, 'Une fin avant le début : la plage finit le lendemain.'),
        field('Professionnels de garde', needed), field('Patients par professionnel', capacity), field('Pas de réservation (minutes)', step)),
      errors, status, h('button', { type: 'submit' }, 'Ajouter la plage'));
    profession.value = 'GENERAL_PRACTITIONER';
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      errors.replaceChildren();
      const from = paris.parseTime(start.value);
      const to = paris.parseTime(end.value);
      if (!from || !to) {
        errors.textContent = 'Indiquez le début et la fin au format hh:mm, par exemple 12:00.';
        (from ? end : start).focus();
        return;
      }
      try {
        const band = await post(`${rota.base(territory.value)}/bands`, {
          label: label.value.trim(), sectorId: sectorChoice.value || undefined, profession: profession.value,
          days: days.filter((d) => d.checked).map((d) => Number(d.value)), holidays: holidays.checked,
          start: from, end: to, needed: Number(needed.value), capacity: Number(capacity.value), stepMinutes: Number(step.value),
        });
        status.textContent = `Plage « ${band.label} » ajoutée.`;
        await load();
      } catch (error) {
        showProblem(errors, error);
      }
    });
    return form;
  }

  load();
  return null;
}
