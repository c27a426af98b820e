// The orienter's screen (pharmacist, nurse): the patient at the counter — search, triage, booking — and
// the report of a patient without a médecin traitant to the waiting list. Made for a phone.
import { post, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import * as fmt from './format.js';
import { runFlow } from './flow.js';

export function render(main, session) {
  const flow = h('div');
  let patient = null;
  const notes = h('textarea', { name: 'notes', rows: 2, maxlength: 2000 });
  const problem = alertBox();
  const done = h('p', { role: 'status' });
  const button = h('button', { type: 'submit', disabled: true }, 'Signaler un patient sans médecin traitant');
  const form = h('form', {}, h('p', { class: 'hint' }, 'Choisissez d\'abord le patient ci-dessus.'),
    field('Note pour la coordination (facultative)', notes), problem, done, button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await post('/api/v1/waitlist', { patientId: patient.id, source: 'PROFESSIONAL', ...(notes.value ? { notes: notes.value } : {}) });
      done.textContent = `${fmt.personName(patient)} est inscrit(e) sur la liste des patients sans médecin traitant.`;
      button.disabled = true;
    } catch (error) {
      showProblem(problem, error);
    }
  });
  const waitlist = section('Patient sans médecin traitant', form);
  main.replaceChildren(h('h1', {}, 'Orienter un patient'), flow);
  const start = () => runFlow(flow, {
    session, extra: waitlist,
    onPatient: (p) => { patient = p; button.disabled = false; done.textContent = ''; form.querySelector('.hint').hidden = true; },
  });
  start();
}
