// "Mes rendez-vous" (issue 14): the professional's recent appointments, with the outcome to record once the time
// has passed (seen, or did not come), and the ones to come.
import { get, post, query, showProblem } from './api.js';
import { h, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';

const outcomes = { booked: 'Réservé', cancelled: 'Annulé', honoured: 'Vu', no_show: 'Absent (non venu)' };

export function render(main, session) {
  const professionalId = session.account.professionalId;
  const problem = alertBox();
  const past = h('tbody');
  const coming = h('tbody');
  const table = (caption, body) => h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Quand'), h('th', { scope: 'col' }, 'Motif'), h('th', { scope: 'col' }, 'État'),
      h('th', { scope: 'col' }, 'Action'))), body);
  main.replaceChildren(h('h1', {}, 'Mes rendez-vous'), problem,
    section('Rendez-vous passés (14 derniers jours)', table('Notez si le patient est venu.', past)),
    section('Rendez-vous à venir (7 jours)', table('Rendez-vous réservés.', coming)));
  if (!professionalId) { problem.textContent = "Ce compte n'est lié à aucune fiche de professionnel."; return null; }

  async function load() {
    try {
      const now = await paris.serverNow();
      const items = (await get(`/api/v1/appointments${query({ professionalId, from: new Date(now - 14 * 864e5).toISOString(),
        to: new Date(now + 7 * 864e5).toISOString(), limit: 500 })}`)).items;
      past.replaceChildren(...rows(items.filter((a) => Date.parse(a.slot.start) <= now).reverse(), true));
      coming.replaceChildren(...rows(items.filter((a) => Date.parse(a.slot.start) > now && a.status === 'booked'), false));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function rows(items, canRecord) {
    if (!items.length) return [h('tr', {}, h('td', { colspan: 4 }, 'Aucun rendez-vous.'))];
    return items.map((a) => {
      const actions = canRecord && a.status === 'booked' ? [
        h('button', { type: 'button', class: 'small', 'aria-label': `Vu : ${fmt.when(a.slot.start)}`, onclick: () => record(a, 'honoured') }, 'Vu'),
        h('button', { type: 'button', class: 'secondary small', 'aria-label': `Absent : ${fmt.when(a.slot.start)}`, onclick: () => record(a, 'no_show') }, 'Absent'),
      ] : [];
      return h('tr', {}, h('td', {}, fmt.when(a.slot.start)), h('td', {}, a.reason), h('td', {}, outcomes[a.status]),
        h('td', {}, h('div', { class: 'actions' }, actions)));
    });
  }

  async function record(appointment, status) {
    try {
      await post(`/api/v1/appointments/${appointment.id}/outcome`, { status });
      await load();
    } catch (error) {
      showProblem(problem, error);
    }
  }
  load();
  return null;
}
