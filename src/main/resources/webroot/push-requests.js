// "Demandes aux professionnels" (issue 23): the territory's push requests by state; #/demandes/<id> follows one
// live (push-follow.js), which is also where a "nobody accepted" alert leads.
import { get, query, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import * as fmt from './format.js';
import { follow, pushStatuses, patientLine, asked } from './push-follow.js';

export function render(main, session) {
  const id = location.hash.replace(/^#\/?demandes\/?/, '').split('?')[0];
  if (id) {
    const area = h('div');
    main.replaceChildren(h('h1', {}, 'Suivi de la demande'), h('p', {}, h('a', { href: '#/demandes' }, 'Toutes les demandes')), area);
    return follow(area, id, session);
  }
  const problem = alertBox();
  const state = h('select', { name: 'status' }, Object.entries(pushStatuses).map(([value, label]) => h('option', { value }, label)));
  const body = h('tbody');
  const table = h('table', {}, h('caption', {}, 'Demandes envoyées aux professionnels, les plus récentes d\'abord'),
    h('thead', {}, h('tr', {}, ['Envoyée', 'Demandé', 'Patient', 'À voir avant', 'Action'].map((t) => h('th', { scope: 'col' }, t)))), body);
  main.replaceChildren(h('h1', {}, 'Demandes aux professionnels'),
    section('Demandes', field('État', state), problem, table));
  const load = async () => {
    try {
      const found = await get(`/api/v1/push-requests${query({ status: state.value })}`);
      const items = found.items || found;
      body.replaceChildren(...(items.length ? items.map((r) => h('tr', {},
        h('td', {}, fmt.when(r.createdAt)), h('td', {}, asked(r)), h('td', {}, patientLine(r)), h('td', {}, fmt.when(r.deadline)),
        h('td', {}, h('a', { href: `#/demandes/${r.id}`, 'aria-label': `Suivre la demande du ${fmt.when(r.createdAt)}` }, 'Suivre'))))
        : [h('tr', {}, h('td', { colspan: 5 }, 'Aucune demande dans cet état.'))]));
      problem.replaceChildren();
    } catch (error) {
      showProblem(problem, error);
    }
  };
  state.addEventListener('change', load);
  load();
  return null;
}
