// "Demandes de rendez-vous" (issue 23): the requests addressed to this professional, live (push.asked and
// push.closed on their own stream), each with accept (day, time, site) or decline; below, the push setting of
// their profile (pro-push-settings.js).
import { get, stream, showProblem } from './api.js';
import { h, section, alertBox } from './dom.js';
import { serverNow } from './paris.js';
import { requestCard } from './push-card.js';
import { pushSettings } from './pro-push-settings.js';

export function render(main, session) {
  const professionalId = session.account.professionalId;
  main.replaceChildren(h('h1', {}, 'Demandes de rendez-vous'));
  if (!professionalId) {
    main.append(h('p', {}, "Ce compte n'est lié à aucune fiche de professionnel : demandez à la coordination de la CPTS de la relier."));
    return null;
  }
  const banner = document.getElementById('banner');
  const problem = alertBox();
  const list = h('div', { class: 'push-list' });
  const live = h('p', { class: 'muted', role: 'status' });
  const settings = h('div');
  main.append(section('Demandes reçues', live, problem, list), settings);
  const answered = new Set();

  const load = async () => {
    try {
      const [found, now] = await Promise.all([get('/api/v1/me/push-requests'), serverNow()]);
      const items = (found.items || found).filter((v) => !answered.has(v.id));
      const kept = new Map([...list.querySelectorAll('[data-request]')].map((el) => [el.dataset.request, el]));
      const cards = items.map((v) => {
        const old = kept.get(v.id);
        if (old && !v.closed) return old; // a card being filled in stays as it is
        const card = requestCard(v, { base: `/api/v1/me/push-requests/${v.id}`, now, level: 'h3', onDone: () => answered.add(v.id) });
        card.dataset.request = v.id;
        return card;
      });
      // an answered card stays until the next load, so its answer can be read
      list.querySelectorAll('[data-request]').forEach((el) => { if (answered.has(el.dataset.request)) cards.push(el); });
      list.replaceChildren(...(cards.length ? cards : [h('p', {}, 'Aucune demande en attente.')]));
      problem.replaceChildren();
    } catch (error) {
      showProblem(problem, error);
    }
  };
  const stop = stream('/api/v1/me/push-requests/stream', {
    types: ['push.asked', 'push.closed'],
    onEvent: () => load(),
    onState: (connected) => {
      live.textContent = connected ? 'Les nouvelles demandes apparaissent ici d\'elles-mêmes.' : '';
      banner.textContent = connected ? '' : 'Connexion au service perdue : les demandes ne sont plus à jour. Reconnexion en cours…';
      banner.className = connected ? 'banner' : 'banner warning';
      if (connected) load();
    },
  });
  pushSettings(settings, professionalId);
  load();
  return () => { stop(); banner.textContent = ''; banner.className = 'banner'; };
}
