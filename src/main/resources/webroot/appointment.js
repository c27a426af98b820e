// "Rendez-vous": the appointments of the operator's territories; one appointment with the messages sent about it
// (confirmation, reminder, move…, from the notification outbox) and the move to another free slot of the same
// professional (one Idempotency-Key per attempt, as a booking).
import { get, post, query, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import * as fmt from './format.js';

const KINDS = { CONFIRMATION: 'Confirmation', REMINDER: 'Rappel', CANCELLATION: 'Annulation', MOVED: 'Déplacement',
  PRO_BOOKING: 'Au professionnel : réservation', PRO_CANCELLATION: 'Au professionnel : annulation' };
const STATES = { pending: 'en attente', sent: 'envoyé', failed: 'échec', skipped: 'non envoyé' };
const STATUSES = { booked: 'réservé', cancelled: 'annulé', honoured: 'honoré', no_show: 'patient non venu' };

export function render(main) {
  const id = location.hash.replace(/^#\/?/, '').split('?')[0].split('/')[1];
  const problem = alertBox();
  const body = h('div');
  main.replaceChildren(h('h1', {}, 'Rendez-vous'), problem, body);
  (id ? showOne(body, id) : showList(body)).catch((error) => showProblem(problem, error));
}

async function showList(root) {
  const found = await get(`/api/v1/appointments${query({ status: 'booked', limit: 100 })}`);
  const items = (found.items || []).sort((a, b) => a.slot.start.localeCompare(b.slot.start));
  root.replaceChildren(section('Rendez-vous à venir', items.length
    ? h('table', {}, h('caption', {}, 'Rendez-vous réservés, par date'),
      h('thead', {}, h('tr', {}, ['Quand', 'Motif', 'Rendez-vous'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map((a) => h('tr', {}, h('td', {}, fmt.when(a.slot.start)), h('td', {}, a.reason),
        h('td', {}, h('a', { href: `#/rendez-vous/${a.id}`, 'aria-label': `Ouvrir le rendez-vous du ${fmt.when(a.slot.start)}` },
          'Ouvrir'))))))
    : h('p', { class: 'muted' }, 'Aucun rendez-vous réservé.')));
}

async function showOne(root, id) {
  const a = await get(`/api/v1/appointments/${id}`);
  const [detail, patient, notes] = await Promise.all([get(`/api/v1/slots/${a.slot.id}`),
    get(`/api/v1/patients/${a.patientId}`), get(`/api/v1/appointments/${id}/notifications`)]);
  const who = `${detail.professional.givenName} ${detail.professional.familyName}`;
  root.replaceChildren(
    section(`Rendez-vous du ${fmt.when(a.slot.start)}`, h('dl', { class: 'facts' },
      h('dt', {}, 'Patient'), h('dd', {}, fmt.personName(patient)),
      h('dt', {}, 'Avec qui'), h('dd', {}, `${who}, ${fmt.professions[detail.professional.profession] || ''}`),
      h('dt', {}, 'Où'), h('dd', {}, `${detail.site.name}, ${detail.site.address}`),
      h('dt', {}, 'Motif'), h('dd', {}, a.reason),
      h('dt', {}, 'État'), h('dd', {}, `${STATUSES[a.status] || a.status}${a.cancelReason ? ` (${a.cancelReason})` : ''}`))),
    messages(notes.items || []),
    a.status === 'booked' ? moveSection(a) : '');
}

function messages(items) {
  return section('Messages envoyés', items.length
    ? h('table', { class: 'messages' }, h('caption', {}, 'Messages de ce rendez-vous, au patient et au professionnel'),
      h('thead', {}, h('tr', {}, ['Message', 'Canal', 'Destinataire', 'État', 'Prévu', 'Envoyé', 'Tentatives']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map((n) => h('tr', {},
        h('td', {}, KINDS[n.kind] || n.kind), h('td', {}, n.channel === 'SMS' ? 'SMS' : 'courriel'),
        h('td', {}, n.channel === 'SMS' ? fmt.phone(n.recipient) : (n.recipient || '')),
        h('td', {}, `${STATES[n.status] || n.status}${n.skipReason ? ` (${n.skipReason})` : ''}`),
        h('td', {}, n.dueAt ? fmt.when(n.dueAt) : ''), h('td', {}, n.sentAt ? fmt.when(n.sentAt) : ''),
        h('td', {}, String((n.attempts || []).length))))))
    : h('p', { class: 'muted' }, "Aucun message pour ce rendez-vous (pas de consentement du patient, ou rien n'est encore dû)."));
}

function moveSection(a) {
  const reason = h('input', { name: 'moveReason', maxlength: 500 });
  const problem = alertBox();
  const list = h('div');
  const keys = new Map();
  let busy = false;
  const move = async (slot, button) => {
    if (busy) return;
    busy = true;
    button.disabled = true;
    if (!keys.has(slot.id)) keys.set(slot.id, crypto.randomUUID());
    try {
      const moved = await post(`/api/v1/appointments/${a.id}/move`,
        { slotId: slot.id, ...(reason.value ? { reason: reason.value } : {}) }, { 'Idempotency-Key': keys.get(slot.id) });
      location.hash = `#/rendez-vous/${moved.id}`;
    } catch (error) {
      if (error.code === 'SLOT_TAKEN' || error.code === 'SLOT_UNAVAILABLE') keys.delete(slot.id);
      showProblem(problem, error);
      button.disabled = false;
    } finally {
      busy = false;
    }
  };
  get(`/api/v1/professionals/${a.professionalId}/slots${query({ status: 'free' })}`).then((found) => {
    const free = (found.items || []).filter((s) => s.id !== a.slot.id).slice(0, 12);
    list.replaceChildren(free.length ? h('ul', { class: 'choices' }, free.map((s) => h('li', {},
      h('button', { type: 'button', class: 'secondary', onclick: (e) => move(s, e.currentTarget) },
        `Déplacer au ${fmt.when(s.start)}`))))
      : h('p', { class: 'muted' }, "Ce professionnel n'a pas d'autre créneau libre."));
  }).catch((error) => showProblem(problem, error));
  return section('Déplacer le rendez-vous', h('p', { class: 'hint' },
    'Le patient est prévenu du nouveau rendez-vous ; le créneau actuel est libéré.'),
  field('Motif du déplacement (facultatif)', reason), problem, list);
}
