// "Demander aux professionnels" (issue 23): once the triage has an orientation (never VITAL), the operator or
// orienter sends an anonymous request to the professionals nearby, instead of or after the slot search; the
// follow-up (push-follow.js) then replaces the form. One Idempotency-Key per sending: a double click sends once.
import { post, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import { follow } from './push-follow.js';
import { mtPicker } from './push-mt.js';

/** The form in root; returns { sent() } telling whether a request left. */
export function offerPush(root, { session, triage, callId, onAccepted }) {
  let sent = false;
  let key = null;
  const note = h('textarea', { name: 'pushNote', rows: 2, maxlength: 500 });
  const mt = mtPicker();
  const problem = alertBox();
  const button = h('button', { type: 'submit', class: 'secondary' }, 'Envoyer la demande aux professionnels');
  const form = h('form', { class: 'push-send' },
    h('p', {}, 'Aucun créneau ne convient ? La demande part sans nom ni téléphone vers le médecin traitant, puis les '
      + 'professionnels proches, puis tout le territoire ; le premier qui accepte fixe le rendez-vous.'),
    mt.el,
    field('Note pour les professionnels (facultative)', note, 'Ce qui aide à décider. Pas de nom, de téléphone ni de date de naissance.'),
    problem, button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    key = key || crypto.randomUUID();
    try {
      const request = await post('/api/v1/push-requests', { triageId: triage.id, callId: callId || null,
        ...(mt.value() ? { mtProfessionalId: mt.value() } : {}),
        ...(note.value.trim() ? { note: note.value.trim() } : {}) }, { 'Idempotency-Key': key });
      sent = true;
      follow(root, request.id, session, { first: request, onAccepted });
    } catch (error) {
      if (error.status !== 0) key = null; // a refusal is final; a network error is retried with the same key
      showProblem(problem, error);
      button.disabled = false;
    }
  });
  root.replaceChildren(section('Demander aux professionnels', form));
  return { sent: () => sent };
}
