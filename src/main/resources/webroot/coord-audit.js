// "Journal d'audit" (issue 14): who did what, filtered by date, account and kind of record; "who read which
// patient" is the patient filter with the read actions.
import { get, query, showProblem } from './api.js';
import { h, field, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';

const ENTITIES = [['', 'Tous'], ['patient', 'Patient'], ['appointment', 'Rendez-vous'], ['call', 'Appel'], ['professional', 'Professionnel'],
  ['account', 'Compte'], ['waitlist_request', "Liste d'attente"], ['slot', 'Créneau']];
const OUTCOMES = { SUCCESS: 'Fait', DENIED: 'Refusé', FAILURE: 'Échec' };

export function render(main) {
  const from = h('input', { name: 'from', inputmode: 'numeric', size: 11 });
  const to = h('input', { name: 'to', inputmode: 'numeric', size: 11 });
  const account = h('select', { name: 'accountId' }, h('option', { value: '' }, 'Tous'));
  const entity = h('select', { name: 'entityType' }, ENTITIES.map(([v, l]) => h('option', { value: v }, l)));
  const problem = alertBox();
  const results = h('div');
  const logins = {};
  const form = h('form', { role: 'search' }, h('div', { class: 'inline' }, field('Du (jj/mm/aaaa)', from), field('Au (jj/mm/aaaa, inclus)', to),
    field('Compte', account), field("Type d'objet", entity)), problem, h('button', { type: 'submit' }, 'Filtrer'));
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  main.replaceChildren(h('h1', {}, "Journal d'audit"), section('Filtrer', form), results);

  async function load() {
    const f = from.value.trim() ? paris.parseDay(from.value) : '';
    const t = to.value.trim() ? paris.parseDay(to.value) : '';
    if (f === null || t === null) { problem.textContent = 'Écrivez les dates comme 23/11/2026.'; return; }
    try {
      const page = await get(`/api/v1/audit${query({ from: f ? paris.parisIso(f, '00:00') : '', to: t ? paris.parisIso(paris.addDays(t, 1), '00:00') : '',
        accountId: account.value, entityType: entity.value, limit: 200 })}`);
      problem.textContent = '';
      results.replaceChildren(section('Événements', h('table', {}, h('caption', {}, `${page.items.length} événement(s), le plus récent en premier`),
        h('thead', {}, h('tr', {}, ['Quand', 'Compte', 'Action', 'Objet', 'Résultat'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, page.items.length ? page.items.map((e) => h('tr', {}, h('td', {}, fmt.when(e.at)),
          h('td', {}, logins[e.accountId] || e.accountId || '—'), h('td', {}, e.action),
          h('td', {}, `${(ENTITIES.find(([v]) => v === e.entityType) || [null, e.entityType || '—'])[1]} ${e.entityId || ''}`),
          h('td', {}, OUTCOMES[e.outcome] || e.outcome)))
          : h('tr', {}, h('td', { colspan: 5 }, 'Aucun événement.'))))));
    } catch (error) {
      showProblem(problem, error);
    }
  }
  get('/api/v1/accounts').then((r) => {
    r.items.forEach((a) => { logins[a.id] = a.login; });
    account.append(...r.items.map((a) => h('option', { value: a.id }, a.login)));
  }).catch(() => {}).finally(load);
  return null;
}
