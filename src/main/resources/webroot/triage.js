// The triage form, built from the engine's vocabulary: red flags first, then the complaint, then only the
// questions the engine still asks (a preview after each answer). VITAL fills the screen: call the 15.
import { get, post, showProblem } from './api.js';
import { h, section, field, alertBox, uid } from './dom.js';
import * as fmt from './format.js';

const WITHIN = { SAME_DAY: 'PT12H', WITHIN_24H: 'PT24H', WITHIN_48H: 'PT48H', ROUTINE: 'P7D' };
let vocabulary = null;

export async function runTriage(root, { patient, callId, onVital, onOrientation }) {
  const problem = alertBox();
  root.replaceChildren(section('Évaluation', problem));
  try {
    vocabulary = vocabulary || await get('/api/v1/triage/vocabulary');
  } catch (error) {
    showProblem(problem, error);
    return;
  }
  const state = { redFlags: new Set(), complaint: '', answers: {}, sequence: 0, stored: null };
  const questionsByKey = new Map(vocabulary.questions.map((q) => [q.key, q]));
  const questionArea = h('div', { class: 'questions' });
  const result = h('div', { 'aria-live': 'polite' });
  const elements = new Map();

  const flags = h('fieldset', { class: 'flags' }, h('legend', {}, "Signes d'alerte — à demander d'abord"),
    vocabulary.redFlags.map((f) => {
      const box = h('input', { type: 'checkbox', name: 'redFlag', value: f.key, id: uid('flag') });
      box.addEventListener('change', () => { if (box.checked) state.redFlags.add(f.key); else state.redFlags.delete(f.key); update(); });
      return h('div', { class: 'check' }, box, h('label', { for: box.id }, f.label));
    }));
  const complaint = h('select', { name: 'complaint' }, h('option', { value: '' }, '— choisir le motif —'),
    vocabulary.complaints.map((c) => h('option', { value: c.key }, c.label)));
  complaint.addEventListener('change', () => { state.complaint = complaint.value; state.answers = {}; elements.clear(); update(); });

  const identity = [];
  const age = patient.birthDate ? fmt.age(patient.birthDate) : null;
  const ageInput = h('input', { type: 'number', name: 'age', min: 0, max: 130, step: 'any' });
  const sexInput = h('select', { name: 'sex' }, h('option', { value: '' }, '— choisir —'),
    h('option', { value: 'F' }, 'Femme'), h('option', { value: 'M' }, 'Homme'));
  if (age === null) { identity.push(field('Âge (ans)', ageInput)); ageInput.addEventListener('change', () => update()); }
  if (!patient.sex) { identity.push(field('Sexe', sexInput)); sexInput.addEventListener('change', () => update()); }

  const body = () => ({
    ...(callId ? { callId } : {}), patientId: patient.id,
    age: age !== null ? age : Number(ageInput.value), sex: patient.sex || sexInput.value,
    complaint: state.complaint || 'OTHER', redFlags: [...state.redFlags], answers: state.answers,
  });

  const questionElement = (q) => {
    const name = uid('q');
    const answer = (value) => { state.answers[q.key] = value; update(); };
    const hint = h('p', { class: 'hint' });
    let control;
    if (q.type === 'number') {
      const input = h('input', { type: 'number', name: q.key, step: 'any', min: q.minimum, max: q.maximum, inputmode: 'decimal' });
      input.addEventListener('change', () => { if (input.value !== '') answer(Number(input.value)); else { delete state.answers[q.key]; update(); } });
      control = field(q.unit ? `${q.label} (${q.unit})` : q.label, input);
      control.append(hint);
    } else {
      const options = q.type === 'boolean' ? [{ value: true, label: 'Oui' }, { value: false, label: 'Non' }] : q.options;
      control = h('fieldset', { class: 'radios' }, h('legend', {}, q.label), options.map((o) => {
        const radio = h('input', { type: 'radio', name, id: uid('r') });
        radio.addEventListener('change', () => answer(o.value));
        return h('span', { class: 'radio' }, radio, h('label', { for: radio.id }, o.label));
      }), hint);
    }
    control.dataset.key = q.key;
    return { element: control, hint };
  };

  const showQuestions = (asked) => {
    const keys = vocabulary.complaints.find((c) => c.key === state.complaint)?.questions || [];
    const wanted = new Map(asked.map((q) => [q.key, q]));
    const visible = keys.filter((k) => wanted.has(k) || k in state.answers);
    asked.filter((q) => !keys.includes(q.key)).forEach((q) => visible.push(q.key));
    visible.forEach((k) => {
      if (!elements.has(k)) elements.set(k, questionElement(wanted.get(k) || questionsByKey.get(k)));
      const why = wanted.get(k)?.why;
      elements.get(k).hint.textContent = why ? `Pourquoi : ${why}` : '';
    });
    // Only what changed moves: a question that keeps its place keeps the keyboard focus.
    const wantedElements = visible.map((k) => elements.get(k).element);
    wantedElements.forEach((el, i) => {
      if (questionArea.children[i] !== el) questionArea.insertBefore(el, questionArea.children[i] || null);
    });
    while (questionArea.children.length > wantedElements.length) questionArea.lastElementChild.remove();
  };

  const complaintLabel = () => vocabulary.complaints.find((c) => c.key === state.complaint)?.label || 'Appel';
  const store = async () => {
    if (!state.stored) state.stored = { ...await post('/api/v1/triage', body()), reason: complaintLabel() };
    return state.stored;
  };

  const vital = async (preview) => {
    const reason = preview.explanation || preview.advice || '';
    root.replaceChildren(h('section', { class: 'vital', role: 'alert', 'aria-labelledby': 'vital-title' },
      h('h2', { id: 'vital-title', tabindex: '-1' }, 'Appeler le 15'),
      h('p', { class: 'vital-reason' }, reason),
      (preview.redFlags || []).length ? h('p', {}, `Signes d'alerte : ${preview.redFlags.map((k) =>
        vocabulary.redFlags.find((f) => f.key === k)?.label || k).join(', ')}`) : '',
      h('p', {}, 'Transférez l\'appel au SAMU (15) ou faites appeler le 15 immédiatement. Aucun rendez-vous ne doit être pris.'),
      h('button', { type: 'button', class: 'secondary', onclick: (e) => {
        e.currentTarget.closest('.vital').classList.replace('vital', 'vital-done');
      } }, 'Le patient est pris en charge par le 15')));
    root.querySelector('#vital-title').focus();
    onVital(preview);
    try { await store(); } catch (error) { root.append(problem); showProblem(problem, error); }
  };

  const orientation = (preview) => {
    const o = preview.orientation;
    const lines = [
      h('p', { class: 'urgency' }, `${fmt.urgencies[preview.urgency] || preview.urgency}${o && o.profession ? ` — ${fmt.professions[o.profession] || o.profession} ${fmt.within(o.within)}` : ''}`),
      preview.explanation ? h('p', {}, `Raison : ${preview.explanation}`) : '',
      preview.ruleId ? h('p', { class: 'muted' }, `Règle : ${preview.ruleId} (version ${preview.rulesVersion})`) : '',
      preview.advice ? h('p', {}, `Conseil : ${preview.advice}`) : '',
      preview.outOfHours ? h('p', { class: 'warning' }, 'Hors des heures d\'ouverture des cabinets.') : '',
    ];
    const next = h('button', { type: 'button', onclick: async () => {
      try { onOrientation(await store()); } catch (error) { showProblem(problem, error); }
    } }, o && o.within ? 'Voir les créneaux' : "Enregistrer l'évaluation");
    const overrideArea = h('div');
    const change = h('button', { type: 'button', class: 'secondary', onclick: () => overrideForm(overrideArea, preview) },
      "Modifier l'orientation");
    result.replaceChildren(section('Orientation', ...lines, h('div', { class: 'actions' }, next, change), overrideArea));
  };

  const overrideForm = (area, preview) => {
    const urgency = h('select', { name: 'urgency' }, Object.entries(fmt.urgencies).filter(([k]) => k !== 'VITAL')
      .map(([k, label]) => h('option', { value: k }, label)));
    urgency.value = preview.urgency;
    const profession = h('select', { name: 'profession' }, Object.entries(fmt.professions).map(([k, label]) =>
      h('option', { value: k }, label)));
    profession.value = preview.orientation?.profession || 'GENERAL_PRACTITIONER';
    const reason = h('textarea', { name: 'reason', required: true, rows: 2, maxlength: 2000 });
    const form = h('form', {}, field('Urgence retenue', urgency), field('Professionnel', profession),
      field('Motif de la modification (obligatoire)', reason), h('button', { type: 'submit' }, 'Enregistrer la modification'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const stored = await store();
        const within = WITHIN[urgency.value];
        const overridden = await post(`/api/v1/triage/${stored.id}/override`, {
          urgency: urgency.value, reason: reason.value,
          ...(within ? { orientation: { profession: profession.value, within } } : {}),
        });
        onOrientation({ ...overridden, reason: complaintLabel() });
      } catch (error) {
        showProblem(problem, error);
      }
    });
    area.replaceChildren(form);
    reason.focus();
  };

  const update = async () => {
    state.stored = null;
    const sequence = ++state.sequence;
    result.replaceChildren();
    if (!state.complaint && state.redFlags.size === 0) { questionArea.replaceChildren(); return; }
    try {
      const preview = await post('/api/v1/triage/preview', body());
      if (sequence !== state.sequence) return;
      problem.replaceChildren();
      if (preview.urgency === 'VITAL') { vital(preview); return; }
      if (!state.complaint) return;
      showQuestions(preview.questions || []);
      if (!(preview.questions || []).length) orientation(preview);
    } catch (error) {
      if (sequence === state.sequence) showProblem(problem, error);
    }
  };

  root.replaceChildren(section('Évaluation', ...identity, flags, field("Motif de l'appel", complaint), questionArea,
    problem, result));
}
