// The sender's live follow-up of one push request (issue 23): who was asked, who saw it, who declined (and why),
// the time left; widen now or withdraw; the appointment as soon as someone accepts (no reload: the request is
// read again on each push.* event of the operators' stream); the alert with phones and overbooking candidates
// when nobody accepted.
import { get, post, stream, showProblem } from './api.js';
import { h, field, alertBox, uid } from './dom.js';
import * as fmt from './format.js';
import { serverNow } from './paris.js';

export const PUSH_EVENTS = ['push.sent', 'push.asked', 'push.seen', 'push.declined', 'push.accepted', 'push.withdrawn',
  'push.widened', 'push.unanswered', 'push.expired', 'push.closed'];
export const rings = ['médecin traitant', 'professionnels proches', 'cercle élargi', 'tout le territoire'];
export const pushStatuses = { OPEN: 'En cours', ACCEPTED: 'Acceptée', EXPIRED: 'Personne n\'a accepté', WITHDRAWN: 'Retirée' };
const sexes = { F: 'Femme', M: 'Homme' };

/** The request an operators' stream event is about. */
export function requestIdOf(event) {
  const p = event.payload || event;
  return p.requestId || p.pushRequestId || p.id;
}

/** "Femme, 30 à 39 ans, Sète" */
export function patientLine(r) {
  const band = r.ageBand ? `${String(r.ageBand).replace('-', ' à ')} ans` : '';
  return [sexes[r.sex] || '', band, r.commune || ''].filter(Boolean).join(', ');
}

/** "médecin généraliste (protocole…)" */
export function asked(r) {
  return `${fmt.professions[r.profession] || r.profession || ''}${r.skill ? ` (${r.skill})` : ''}`;
}

const nameOf = (p) => p.name || [p.givenName, p.familyName].filter(Boolean).join(' ')
  || (p.professional ? nameOf(p.professional) : '');
const phoneOf = (p) => fmt.phone(p.phone || (p.professional && p.professional.phone));

/** Follows request `requestId` in root until root leaves the page. */
export function follow(root, requestId, session, { first = null, onAccepted } = {}) {
  let request = first;
  let unanswered = null;
  let told = false;
  let skew = 0;
  const titleId = uid('push');
  const status = h('p', { role: 'status', class: 'push-status' });
  const left = h('p', { class: 'push-left' });
  const problem = alertBox();
  const outcome = h('div');
  const facts = h('dl', { class: 'facts' });
  const body = h('tbody');
  const table = h('table', { class: 'push-recipients' }, h('caption', {}, 'Professionnels sollicités'),
    h('thead', {}, h('tr', {}, ['Professionnel', 'Téléphone', 'Cercle', 'Sollicité à', 'Vu à', 'Réponse']
      .map((t) => h('th', { scope: 'col' }, t)))), body);
  const reason = h('input', { type: 'text', name: 'withdrawReason', maxlength: 500 });
  const widen = h('button', { type: 'button', class: 'secondary', onclick: () => act('widen') }, 'Élargir maintenant');
  const withdraw = h('button', { type: 'button', class: 'secondary', onclick: () => act('withdraw',
    { reason: reason.value.trim() || 'Le patient a trouvé une autre solution' }) }, 'Retirer la demande');
  const controls = h('div', { class: 'push-controls' }, h('div', { class: 'actions' }, widen),
    field('Motif du retrait (facultatif)', reason), h('div', { class: 'actions' }, withdraw));
  const panel = h('section', { class: 'panel push-follow', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, 'Demande aux professionnels'), status, left, problem, outcome, facts, controls, table);
  root.replaceChildren(panel);

  const now = () => Date.now() + skew;
  const drawLeft = () => {
    if (!request || request.status !== 'OPEN') { left.textContent = ''; return; }
    const next = request.nextRingAt ? ` · cercle suivant dans ${fmt.waited(Date.parse(request.nextRingAt) - now())}` : '';
    left.textContent = `Temps restant avant l'échéance : ${fmt.waited(Date.parse(request.deadline) - now())}${next}`;
  };

  const draw = () => {
    const r = request;
    status.textContent = `${pushStatuses[r.status] || r.status} — cercle ${r.currentRing} : ${rings[r.currentRing] || ''}`;
    drawLeft();
    facts.replaceChildren(
      h('dt', {}, 'Demandé'), h('dd', {}, asked(r)),
      h('dt', {}, 'Urgence'), h('dd', {}, `${fmt.urgencies[r.urgency] || r.urgency}, à voir avant ${fmt.when(r.deadline)}`),
      h('dt', {}, 'Patient (anonyme pour les professionnels)'), h('dd', {}, patientLine(r)),
      h('dt', {}, 'Motif'), h('dd', {}, r.complaint || ''),
      ...(r.note ? [h('dt', {}, 'Note'), h('dd', {}, r.note)] : []));
    controls.hidden = r.status !== 'OPEN';
    widen.disabled = r.currentRing >= rings.length - 1 && !r.nextRingAt;
    const recipients = r.recipients || [];
    body.replaceChildren(...(recipients.length ? recipients.map((p) => h('tr', {},
      h('td', {}, p.name), h('td', {}, fmt.phone(p.phone)), h('td', {}, rings[p.ring] || String(p.ring)),
      h('td', {}, p.askedAt ? fmt.time(p.askedAt) : '—'), h('td', {}, p.seenAt ? fmt.time(p.seenAt) : 'pas encore'),
      h('td', {}, answerOf(p, r)))) : [h('tr', {}, h('td', { colspan: 6 }, 'Personne n\'a encore été sollicité.'))]));
    if (r.status === 'ACCEPTED' && r.acceptance) accepted(r);
    else if (r.status === 'EXPIRED' || unanswered) showNobody(r);
    else if (r.status === 'WITHDRAWN') outcome.replaceChildren(h('p', { class: 'notice' }, `Demande retirée${r.endReason ? ` : ${r.endReason}` : ''}.`));
    else outcome.replaceChildren();
  };

  const accepted = async (r) => {
    const a = r.acceptance;
    const who = (r.recipients || []).find((p) => p.professionalId === a.professionalId) || {};
    const where = h('dd', {}, a.site ? a.site.name || a.site.label || '' : '');
    outcome.replaceChildren(h('div', { class: 'push-accepted' },
      h('h3', {}, 'Rendez-vous pris'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Avec qui'), h('dd', {}, a.name || who.name || ''),
        h('dt', {}, 'Quand'), h('dd', {}, fmt.when(a.start)),
        h('dt', {}, 'Où'), where,
        h('dt', {}, 'Téléphone du professionnel'), h('dd', {}, fmt.phone(who.phone)),
        h('dt', {}, 'Cercle'), h('dd', {}, rings[a.ring] || '')),
      h('p', {}, 'Le patient est prévenu par le canal qu\'il a choisi ; dites-lui le rendez-vous s\'il est en ligne.')));
    if (!told && onAccepted) { told = true; onAccepted(r); }
    if (!a.site && a.siteId) {
      try {
        const pro = await get(`/api/v1/professionals/${a.professionalId}`);
        const site = (pro.sites || []).find((s) => s.id === a.siteId);
        if (site) where.textContent = `${site.name}, ${site.address || ''}`;
      } catch (e) { /* the site's name is a comfort; the time and the professional are shown */ }
    }
  };

  // the alert's overbooking candidates come with the push.unanswered event; opened later, the triage's search gives them
  const showNobody = async (r) => {
    outcome.replaceChildren(nobody(r, unanswered));
    if (unanswered || !r.triageId) return;
    try {
      const found = await get(`/api/v1/triage/${r.triageId}/slots?limit=1`);
      unanswered = { asked: r.recipients, overbookingCandidates: found.overbookingCandidates || [] };
      outcome.replaceChildren(nobody(r, unanswered));
    } catch (e) { /* the people asked and their phones are shown */ }
  };

  const act = async (what, payload) => {
    widen.disabled = true;
    withdraw.disabled = true;
    try {
      request = await post(`/api/v1/push-requests/${requestId}/${what}`, payload);
      problem.replaceChildren();
      draw();
    } catch (error) {
      showProblem(problem, error);
      await reload();
    } finally {
      withdraw.disabled = false;
      if (request) widen.disabled = request.currentRing >= rings.length - 1 && !request.nextRingAt;
    }
  };

  const reload = async () => {
    try {
      request = await get(`/api/v1/push-requests/${requestId}`);
      draw();
    } catch (error) {
      showProblem(problem, error);
    }
  };

  // Senders with the operators' stream follow it live (and read it again every 15 s, should an event be missed
  // while the stream reconnects); the others (orienters) read the request every 5 s.
  const live = session.account.roles.some((r) => r === 'OPERATOR' || r === 'COORDINATOR');
  const stop = live ? stream('/api/v1/calls/stream', {
    types: PUSH_EVENTS,
    onEvent: (type, event) => {
      if (requestIdOf(event) !== requestId) return;
      if (type === 'push.unanswered') unanswered = event.payload || event;
      reload();
    },
    // each (re)connection reads the request again: what happened before the stream was open is not lost
    onState: (connected) => { if (connected) reload(); },
  }) : () => {};
  const poll = setInterval(() => { if (!request || request.status === 'OPEN') reload(); }, live ? 15000 : 5000);
  const tick = setInterval(() => {
    if (!panel.isConnected) { stop(); clearInterval(tick); clearInterval(poll); return; }
    drawLeft();
  }, 1000);
  serverNow().then((t) => { skew = t - Date.now(); drawLeft(); });
  if (request) draw(); else reload();
  return () => { stop(); clearInterval(tick); clearInterval(poll); };
}

function answerOf(p, r) {
  if (r.acceptance && r.acceptance.professionalId === p.professionalId) return 'A accepté';
  if (p.declinedAt) return `A refusé${p.declineReason ? ` : ${p.declineReason}` : ''}`;
  return 'Sans réponse';
}

/** The alert when nobody accepted: whom to phone now, and who takes an extra patient. */
function nobody(r, event) {
  const askedPeople = (event && (event.recipients || event.asked)) || r.recipients || [];
  const candidates = (event && (event.overbookingCandidates || event.candidates)) || r.overbookingCandidates || [];
  return h('div', { role: 'alert', class: 'push-alert' },
    h('h3', {}, 'Personne n\'a accepté la demande'),
    h('p', {}, 'Appelez-les directement, ou un professionnel qui accepte un patient en surnuméraire.'),
    h('h4', {}, 'Professionnels sollicités'),
    h('ul', {}, askedPeople.map((p) => h('li', {}, `${nameOf(p)} — ${phoneOf(p)}${p.declineReason ? ` (a refusé : ${p.declineReason})` : ''}`))),
    h('h4', {}, 'Professionnels acceptant un patient en surnuméraire'),
    candidates.length ? h('ul', {}, candidates.map((c) => h('li', {},
      `${nameOf(c)} — ${phoneOf(c)}${c.site ? ` — ${c.site.name}` : ''}${c.distanceKm !== undefined ? ` — ${fmt.distance(c.distanceKm)}` : ''}`)))
      : h('p', {}, 'Aucun dans le délai.'));
}
