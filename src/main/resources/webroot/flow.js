// One patient's way through: patient → triage → slots → confirmation, then (for a call) its closing.
// Shared by the operator's call screen and the orienter's screen.
import { patch, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import * as fmt from './format.js';
import { choosePatient } from './patient.js';
import { runTriage } from './triage.js';
import { showSlots } from './slots.js';
import { offerPush } from './push-send.js';

export function runFlow(root, { session, call, patients = [], onDone, extra, onPatient }) {
  const patientArea = h('div');
  const triageArea = h('div');
  const slotsArea = h('div');
  const pushArea = h('div');
  const closing = call ? closeCall(call, onDone) : null;
  root.replaceChildren(
    call ? h('h2', { class: 'call-title' }, `Appel du ${fmt.phone(call.caller)}`) : '',
    patientArea, triageArea, slotsArea, pushArea, closing ? closing.element : '', extra || '');

  const startTriage = (patient) => {
    slotsArea.replaceChildren();
    pushArea.replaceChildren();
    if (onPatient) onPatient(patient);
    if (call) patch(`/api/v1/calls/${call.id}`, { patientId: patient.id }).catch(() => {});
    runTriage(triageArea, {
      patient,
      callId: call && call.id,
      onVital: () => { slotsArea.replaceChildren(); pushArea.replaceChildren(); if (closing) closing.choose('REDIRECTED_15'); },
      onOrientation: (triage) => {
        if (!triage.orientation || !triage.orientation.within) {
          slotsArea.replaceChildren();
          pushArea.replaceChildren();
          if (closing) closing.choose('ADVICE_GIVEN');
          return;
        }
        // issue 23: a request to the professionals, instead of or after the search (never VITAL: onVital above)
        const push = offerPush(pushArea, { session, triage, callId: call && call.id,
          onAccepted: () => { if (closing) closing.choose('BOOKED'); } });
        showSlots(slotsArea, {
          session, triage, patient, callId: call && call.id,
          onBooked: () => { if (!push.sent()) pushArea.replaceChildren(); if (closing) closing.choose('BOOKED'); },
        });
      },
    });
  };
  choosePatient(patientArea, { phone: call && call.caller, candidates: patients, onChosen: startTriage });
}

/** "Clore l'appel": the outcome, chosen by the flow and changeable, then PATCH. */
function closeCall(call, onDone) {
  const select = h('select', { name: 'outcome' }, Object.entries(fmt.outcomes).map(([value, label]) =>
    h('option', { value }, label)));
  select.value = 'ABANDONED';
  const note = h('textarea', { name: 'note', rows: 2, maxlength: 2000 });
  const problem = alertBox();
  const form = h('form', {}, field("Issue de l'appel", select), field('Note (facultative)', note), problem,
    h('button', { type: 'submit' }, "Clore l'appel"));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await patch(`/api/v1/calls/${call.id}`, { outcome: select.value, ...(note.value ? { note: note.value } : {}) });
      onDone();
    } catch (error) {
      showProblem(problem, error);
    }
  });
  return { element: section("Clore l'appel", form), choose: (value) => { select.value = value; } };
}
