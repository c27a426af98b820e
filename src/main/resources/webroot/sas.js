// A slot opened from the SAS platform's link (/sas/creneaux/<id>?origin=… → #/sas/creneau/<id>?origin=…). A regulator
// who is not signed in signs in first and lands here; they choose or register the patient, give the reason and book.
// The platform's `origin` goes with the booking and is recorded on the appointment.
import { get, post, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import * as fmt from './format.js';
import { choosePatient } from './patient.js';
import { confirmation } from './slots.js';

/** The slot id and origin of the current address. */
export function parseSasAddress(hash) {
  const [path, search] = hash.replace(/^#\/?/, '').split('?');
  return { slotId: path.split('/')[2] || '', origin: new URLSearchParams(search || '').get('origin') };
}

export function render(main) {
  const { slotId, origin } = parseSasAddress(location.hash);
  const problem = alertBox();
  const body = h('div');
  main.replaceChildren(h('h1', {}, 'Créneau proposé au SAS'), problem, body);
  get(`/api/v1/slots/${encodeURIComponent(slotId)}`)
    .then((detail) => showSlot(body, detail, origin))
    .catch((error) => showProblem(problem, error));
}

function showSlot(root, detail, origin) {
  const { slot, professional, site } = detail;
  const who = `${professional.givenName} ${professional.familyName}`;
  const facts = section('Créneau', h('dl', { class: 'facts' },
    h('dt', {}, 'Quand'), h('dd', {}, fmt.when(slot.start)),
    h('dt', {}, 'Avec qui'), h('dd', {}, `${who}, ${fmt.professions[professional.profession] || ''}`),
    h('dt', {}, 'Où'), h('dd', {}, `${site.name}, ${site.address}`),
    h('dt', {}, 'Téléphone'), h('dd', {}, fmt.phone(professional.phone)),
    h('dt', {}, 'Demandé par'), h('dd', {}, origin ? `la plateforme SAS (${origin})` : 'la plateforme SAS')));
  if (slot.status !== 'free') {
    root.replaceChildren(facts, h('p', { class: 'notice', role: 'status' },
      "Ce créneau n'est plus libre : cherchez-en un autre sur la plateforme SAS."));
    return;
  }
  const patientArea = h('div');
  const bookingArea = h('div');
  root.replaceChildren(facts, patientArea, bookingArea);
  choosePatient(patientArea, { onChosen: (patient) => bookingForm(bookingArea, root, detail, patient, origin) });
}

function bookingForm(area, root, detail, patient, origin) {
  const reason = h('textarea', { name: 'reason', required: true, rows: 2, maxlength: 500 });
  const problem = alertBox();
  const key = crypto.randomUUID();
  let busy = false;
  const form = h('form', {}, field('Motif de la consultation', reason), problem,
    h('button', { type: 'submit' }, 'Réserver ce créneau'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    busy = true;
    try {
      const appointment = await post('/api/v1/appointments', {
        slotId: detail.slot.id, patientId: patient.id, reason: reason.value, ...(origin ? { origin } : {}),
      }, { 'Idempotency-Key': key });
      confirmation(root, appointment, detail, patient);
    } catch (error) {
      if (error.code === 'SLOT_TAKEN' || error.code === 'SLOT_UNAVAILABLE') {
        problem.replaceChildren(h('p', {}, "Ce créneau vient d'être pris : cherchez-en un autre sur la plateforme SAS."));
      } else {
        showProblem(problem, error);
      }
    } finally {
      busy = false;
    }
  });
  area.replaceChildren(section('Réservation', form));
}
