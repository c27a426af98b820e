// One push request as a professional sees it (issue 23), on the console (pro-push.js) and on the phone page
// reached by the SMS or e-mail link (demande.js): the anonymous request, then two buttons — accept with a day, a
// time before the deadline and one of their own sites, or decline with an optional reason. Only the winner of
// the acceptance sees the patient's name and phone.
import { post, ApiError, showProblem } from './api.js';
import { h, field, alertBox, uid } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';
import { asked, patientLine } from './push-follow.js';

/** What a closed request's page says. */
export function closedText(view) {
  if (view.status === 'ACCEPTED') return 'Déjà pris en charge, merci.';
  if (view.status === 'WITHDRAWN') return 'Demande retirée : le patient a trouvé une autre solution. Merci.';
  if (view.status === 'EXPIRED') return 'Cette demande est close : son délai est passé. Merci.';
  return 'Cette demande est close. Merci.';
}

/** The card; `base` is the request's address (.../accept and .../decline under it), `now` the service's time. */
export function requestCard(view, { base, now, level = 'h2', onDone = () => {} }) {
  const titleId = uid('demande');
  const card = h('article', { class: 'panel push-card', 'aria-labelledby': titleId });
  const heading = h(level, { id: titleId, tabindex: '-1' }, `${asked(view)} — ${fmt.urgencies[view.urgency] || view.urgency}`);
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'À voir avant'), h('dd', {}, fmt.when(view.deadline)),
    h('dt', {}, 'Patient'), h('dd', {}, patientLine(view)),
    h('dt', {}, 'Motif'), h('dd', {}, view.complaint || ''),
    view.note ? [h('dt', {}, 'Note'), h('dd', {}, view.note)] : '');
  const end = (...children) => { card.replaceChildren(heading, ...children); heading.focus(); onDone(); };
  if (view.closed || view.status !== 'OPEN') {
    card.append(heading, h('p', { class: 'push-closed', role: 'status' }, closedText(view)));
    return card;
  }
  const sites = view.mySites || [];
  const day = h('input', { type: 'text', name: 'day', inputmode: 'numeric', autocomplete: 'off',
    value: paris.frenchDay(paris.parisDay(now)) });
  const time = h('input', { type: 'text', name: 'time', inputmode: 'numeric', autocomplete: 'off', placeholder: '14:30' });
  const site = h('select', { name: 'siteId' }, sites.map((s) => h('option', { value: s.id }, s.label || s.name)));
  const reason = h('input', { type: 'text', name: 'declineReason', maxlength: 500 });
  const problem = alertBox();
  const accept = h('button', { type: 'submit' }, 'Accepter');
  const decline = h('button', { type: 'button', class: 'secondary' }, 'Refuser');
  const form = h('form', { class: 'push-answer' },
    h('div', { class: 'inline' }, field('Jour (jj/mm/aaaa)', day), field('Heure (hh:mm)', time)),
    field('Lieu', site), problem, h('div', { class: 'actions' }, accept),
    field('Motif du refus (facultatif)', reason), h('div', { class: 'actions' }, decline));
  card.append(heading, facts, form);

  const closedBy = (error) => error instanceof ApiError && (error.code === 'PUSH_ALREADY_TAKEN' || error.code === 'PUSH_CLOSED');
  const busy = (on) => { accept.disabled = on; decline.disabled = on; };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const d = paris.parseDay(day.value);
    const t = paris.parseTime(time.value);
    if (!d || !t) { problem.textContent = !d ? 'Écrivez le jour ainsi : 24/11/2026.' : 'Écrivez l\'heure ainsi : 14:30.'; (d ? time : day).focus(); return; }
    const start = paris.parisIso(d, t);
    if (Date.parse(start) > Date.parse(view.deadline)) {
      problem.textContent = `Le patient doit être vu avant ${fmt.when(view.deadline)} : choisissez un horaire plus tôt.`;
      time.focus();
      return;
    }
    busy(true);
    try {
      const done = await post(`${base}/accept`, { start, siteId: site.value });
      const p = done.patient || {};
      const where = sites.find((s) => s.id === site.value);
      end(h('div', { class: 'confirmed', role: 'status' },
        h('p', { class: 'push-won' }, 'Rendez-vous confirmé : il est dans votre agenda et le patient est prévenu.'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Quand'), h('dd', {}, fmt.when(done.start || start)),
          h('dt', {}, 'Où'), h('dd', {}, where ? where.label || where.name : ''),
          h('dt', {}, 'Patient'), h('dd', {}, [p.firstName, p.lastName].filter(Boolean).join(' ')),
          h('dt', {}, 'Téléphone'), h('dd', {}, p.phone ? h('a', { href: `tel:${p.phone}` }, fmt.phone(p.phone)) : ''))));
    } catch (error) {
      if (closedBy(error)) end(h('p', { class: 'push-closed', role: 'status' },
        error.code === 'PUSH_ALREADY_TAKEN' ? 'Déjà pris en charge, merci.' : closedText({ status: view.status === 'OPEN' ? '' : view.status })));
      else { showProblem(problem, error); busy(false); }
    }
  });
  decline.addEventListener('click', async () => {
    busy(true);
    try {
      await post(`${base}/decline`, { reason: reason.value.trim() || null });
      end(h('p', { class: 'push-closed', role: 'status' }, 'Vous avez refusé cette demande. Merci de votre réponse.'));
    } catch (error) {
      if (closedBy(error)) end(h('p', { class: 'push-closed', role: 'status' }, closedText({ status: error.code === 'PUSH_ALREADY_TAKEN' ? 'ACCEPTED' : '' })));
      else { showProblem(problem, error); busy(false); }
    }
  });
  return card;
}
