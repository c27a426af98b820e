// The operator's screen: the live queue of ringing calls; taking one opens the patient, the triage, the slots.
import { get, patch, query, stream, showProblem, CALL_EVENTS } from './api.js';
import { h, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import { runFlow } from './flow.js';
import { isForMe, alertLine } from './push-alert.js';

export function render(main, session) {
  const calls = new Map();
  let skew = 0;
  const now = () => Date.now() + skew;
  let territories = new Map();
  const banner = document.getElementById('banner');
  const body = h('tbody');
  const empty = h('p', { class: 'muted' }, 'Aucun appel en attente.');
  const problem = alertBox();
  const unanswered = h('ul', { class: 'push-alert', role: 'alert', hidden: true });
  const table = h('table', {},
    h('caption', {}, 'Appels qui sonnent, du plus ancien au plus récent'),
    h('thead', {}, h('tr', {}, ['Ligne', 'Numéro', 'Patient', 'Attente', 'Action'].map((t) => h('th', { scope: 'col' }, t)))),
    body);
  const queue = section("File d'appels", unanswered, problem, table, empty);
  const workspace = h('div');
  // a coordinator's home: the duty gaps of the next 72 hours come first (issue 22)
  const gaps = session.account.roles.includes('COORDINATOR') ? h('div') : '';
  main.replaceChildren(h('h1', {}, "Appels"), gaps, queue, workspace);
  if (gaps) import('./rota-gaps.js').then((m) => gaps.replaceWith(m.gapsPanel(session)));

  const redraw = () => {
    const ringing = [...calls.values()].sort((a, b) => a.call.ringingAt.localeCompare(b.call.ringingAt));
    body.replaceChildren(...ringing.map(({ call, patients }) => h('tr', {},
      h('td', {}, territories.get(call.territoryId) || call.territoryId),
      h('td', {}, fmt.phone(call.caller)),
      h('td', {}, patients.length ? patients.map((p) => `${fmt.personName(p)} (${fmt.birthDate(p.birthDate)})`).join(', ') : 'inconnu'),
      h('td', { class: 'waiting', 'data-since': call.ringingAt }, fmt.waited(now() - Date.parse(call.ringingAt))),
      h('td', {}, h('button', { type: 'button', onclick: () => take(call, patients),
        'aria-label': `Prendre l'appel du ${fmt.phone(call.caller)}` }, "Prendre l'appel")))));
    empty.hidden = ringing.length > 0;
    table.hidden = ringing.length === 0;
  };
  const tick = setInterval(() => body.querySelectorAll('.waiting').forEach((td) => {
    td.textContent = fmt.waited(now() - Date.parse(td.dataset.since));
  }), 1000);

  const load = async (callId) => {
    const found = await get(`/api/v1/calls/${callId}`);
    if (found.call.status === 'ringing' && !found.call.operatorId) calls.set(callId, found);
    redraw();
  };

  const take = async (call, patients) => {
    try {
      await patch(`/api/v1/calls/${call.id}`, { operatorId: session.account.id });
      calls.delete(call.id);
      redraw();
      queue.hidden = true;
      runFlow(workspace, { session, call, patients, onDone: () => { workspace.replaceChildren(); queue.hidden = false; } });
    } catch (error) {
      showProblem(problem, error);
    }
  };

  const onEvent = (type, event) => {
    if (type === 'push.unanswered') {
      if (isForMe(event, session)) { unanswered.append(alertLine(event, session)); unanswered.hidden = false; }
      return;
    }
    const id = event.payload.callId;
    if (type === 'call.ringing') load(id).catch((e) => showProblem(problem, e));
    else if (type.startsWith('call.')) { calls.delete(id); redraw(); }
  };
  let wasCut = false;
  let opened = false;
  const onState = (connected) => {
    // The list is read again once the stream is open (a call that rang between the first read and the stream's
    // opening would be missed otherwise) and after a cut (the stream replays what it can, the list the rest).
    if (connected && (wasCut || !opened)) loadRinging();
    opened = opened || connected;
    wasCut = !connected;
    banner.textContent = connected ? '' : 'Connexion au service perdue : la file d\'appels n\'est plus à jour. Reconnexion en cours…';
    banner.className = connected ? 'banner' : 'banner warning';
  };

  get('/console/settings.json').then((s) => { skew = Date.parse(s.serverTime) - Date.now(); redraw(); }).catch(() => {});
  get('/api/v1/territories').then((list) => {
    territories = new Map((list.items || list).map((t) => [t.id, t.name]));
    redraw();
  }).catch(() => {});
  const loadRinging = () => get(`/api/v1/calls${query({ status: 'ringing', limit: 50 })}`)
    .then((list) => Promise.all(list.items.map((c) => load(c.id))))
    .catch((e) => showProblem(problem, e));
  loadRinging();
  const stop = stream('/api/v1/calls/stream', { onEvent, onState, types: [...CALL_EVENTS, 'push.unanswered'] });
  redraw();
  return () => { stop(); clearInterval(tick); banner.textContent = ''; banner.className = 'banner'; };
}
