// The nearest free slots for the triage's orientation, as a list and on a map; one action books.
// Each booking attempt carries one Idempotency-Key: a double click or a retry after a network error books once.
import { get, post, query, showProblem } from './api.js';
import { h, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import { drawMap } from './map.js';
import { dutyItem } from './slot-duty.js';

export function showSlots(root, { triage, patient, callId, onBooked }) {
  const status = h('div', { role: 'status', class: 'notice' });
  const problem = alertBox();
  const list = h('div');
  const mapElement = h('div', { class: 'map' });
  const figure = h('figure', { class: 'map-figure' }, h('figcaption', {}, 'Carte des lieux (les fonds de carte peuvent manquer ; les points restent)'), mapElement);
  const keys = new Map();
  let busy = false;
  let map = null;
  root.replaceChildren(section('Créneaux disponibles', status, problem, list, figure));

  const professional = (r) => `${r.professional.givenName} ${r.professional.familyName}`;
  const load = async () => {
    const found = await get(`/api/v1/triage/${triage.id}/slots${query({ limit: 10 })}`);
    const results = found.results || [];
    list.replaceChildren(results.length
      ? h('ol', { class: 'slots' }, results.map((r) => h('li', {}, r.kind === 'DUTY' ? dutyItem(r, professional, book) : h('article', { 'aria-label': `${fmt.time(r.slot.start)}, ${professional(r)}` },
        h('p', { class: 'slot-when' }, `${fmt.when(r.slot.start)}`, h('span', { class: 'muted' }, ` · ${fmt.distance(r.distanceKm)}`)),
        h('p', {}, `${professional(r)}, ${fmt.professions[r.professional.profession] || r.professional.profession}`),
        h('p', {}, `${r.site.name} — ${r.site.address}`),
        h('p', {}, `Tél. ${fmt.phone(r.professional.phone)}`),
        h('button', { type: 'button', onclick: (e) => book(r, e.currentTarget, { slotId: r.slot.id }),
          'aria-label': `Réserver ${fmt.when(r.slot.start)} avec ${professional(r)}` }, 'Réserver')))))
      : h('p', {}, 'Aucun créneau libre dans le délai pour cette orientation.'));
    const candidates = found.overbookingCandidates || [];
    if (!results.length && candidates.length) {
      list.append(h('h3', {}, 'Professionnels acceptant un patient en surnuméraire'),
        h('ul', { class: 'choices' }, candidates.map((c) => h('li', {},
          `${professional(c)} — ${c.site.name}, ${c.site.address} — ${fmt.distance(c.distanceKm)} — Tél. ${fmt.phone(c.professional.phone)}`))));
    }
    const points = [...results, ...(results.length ? [] : candidates)].filter((r) => r.site && r.site.lat !== undefined)
      .map((r) => ({ lat: r.site.lat, lon: r.site.lon, label: `${professional(r)} — ${r.slot ? fmt.time(r.slot.start) : (r.duty ? `garde ${fmt.time(r.duty.suggestedStart)}` : 'surnuméraire')}` }));
    if (map) { map.remove(); map = null; }
    figure.hidden = points.length === 0;
    if (points.length) drawMap(mapElement, points).then((m) => { map = m; }).catch(() => { figure.hidden = true; });
  };

  // target: { slotId } for a free slot, { dutyPlaceId, start } for a duty of the rota (issue 22)
  const book = async (result, button, target) => {
    if (busy) return;
    busy = true;
    button.disabled = true;
    const slotId = JSON.stringify(target);
    if (!keys.has(slotId)) keys.set(slotId, crypto.randomUUID());
    try {
      const appointment = await post('/api/v1/appointments', {
        ...target, patientId: patient.id, triageId: triage.id, reason: triage.reason || reasonOf(triage),
        ...(callId ? { callId } : {}),
      }, { 'Idempotency-Key': keys.get(slotId) });
      keys.delete(slotId);
      confirmation(root, appointment, result, patient);
      onBooked(appointment);
    } catch (error) {
      if (error.code === 'SLOT_TAKEN' || error.code === 'SLOT_UNAVAILABLE' || (error.status === 409 && (error.code || '').startsWith('DUTY_'))) {
        keys.delete(slotId);
        status.textContent = (error.code || '').startsWith('DUTY_') ? `${error.message} La liste a été mise à jour.`
          : 'Ce créneau vient d\'être pris par quelqu\'un d\'autre : la liste a été mise à jour.';
        await load().catch((e) => showProblem(problem, e));
      } else {
        showProblem(problem, error);
        button.disabled = false;
      }
    } finally {
      busy = false;
    }
  };

  load().then(() => {
    // The operator's eyes and keyboard go to the list (the triage above stays readable by scrolling back).
    const heading = root.querySelector('h2');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }).catch((e) => showProblem(problem, e));
}

function reasonOf(triage) {
  const o = triage.orientation || {};
  return `Orientation ${o.profession || ''} ${triage.urgency || ''}`.trim();
}

/** "Rendez-vous réservé": what to tell the patient (result: a search hit, or a slot with its professional and site). */
export function confirmation(root, appointment, result, patient) {
  const who = `${result.professional.givenName} ${result.professional.familyName}`;
  const heading = h('h2', { id: 'confirmation-title', tabindex: '-1' }, 'Rendez-vous réservé');
  root.replaceChildren(h('section', { class: 'panel confirmed', 'aria-labelledby': 'confirmation-title' }, heading,
    h('p', {}, 'À dire au patient :'),
    h('dl', {},
      h('dt', {}, 'Patient'), h('dd', {}, fmt.personName(patient)),
      h('dt', {}, 'Quand'), h('dd', {}, fmt.when(appointment.slot.start)),
      h('dt', {}, 'Avec qui'), h('dd', {}, `${who}, ${fmt.professions[result.professional.profession] || ''}`),
      h('dt', {}, 'Où'), h('dd', {}, `${result.site.name}, ${result.site.address}`),
      h('dt', {}, 'Téléphone'), h('dd', {}, fmt.phone(result.professional.phone)))));
  heading.focus();
}
