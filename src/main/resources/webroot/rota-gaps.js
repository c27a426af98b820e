// Top of the coordinator's home screen (issue 22): the duty places nobody holds in the next 72 hours, soonest first.
import { get } from './api.js';
import { h } from './dom.js';
import * as rota from './rota.js';

export function gapsPanel(session) {
  const body = h('p', { class: 'muted' }, 'Recherche des gardes non pourvues…');
  const panel = h('section', { class: 'panel rota-gaps', 'aria-labelledby': 'rota-gaps-title' },
    h('h2', { id: 'rota-gaps-title' }, 'Gardes non pourvues dans les 72 heures'), body);
  Promise.all(session.account.territories.map((t) => get(`${rota.base(t)}/gaps`).catch(() => [])))
    .then((lists) => {
      const gaps = lists.flat().sort((a, b) => a.start.localeCompare(b.start));
      body.replaceWith(gaps.length
        ? h('ul', { class: 'gap-list' }, gaps.map((g) => h('li', {}, h('strong', {}, '✕ '),
          `${rota.placeLabel(g)} — ${g.sectorName}, place ${g.seat + 1}`)))
        : h('p', {}, 'Aucune garde non pourvue dans les 72 prochaines heures.'));
      if (gaps.length) panel.classList.add('has-gaps');
      panel.append(h('p', {}, h('a', { href: '#/gardes' }, 'Ouvrir le tour de garde')));
    });
  return panel;
}
