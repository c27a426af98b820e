// "Journal des messages": what would have been sent when no SMTP server or SMS gateway is configured (the local
// journal), newest first, for the secretariat of the territories (operators and coordinators).
import { get, query, showProblem } from './api.js';
import { h, section, alertBox } from './dom.js';
import * as fmt from './format.js';

export function render(main) {
  const problem = alertBox();
  const list = h('ol', { class: 'journal' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Messages plus anciens');
  const empty = h('p', { class: 'muted', hidden: true }, 'Aucun message dans le journal.');
  let before = null;
  const load = async () => {
    const page = await get(`/api/v1/notification-journal${query({ limit: 50, before })}`);
    const items = page.items || [];
    list.append(...items.map(entry));
    if (items.length) before = items[items.length - 1].id;
    more.hidden = items.length < 50;
    empty.hidden = list.children.length > 0;
  };
  more.addEventListener('click', () => load().catch((e) => showProblem(problem, e)));
  main.replaceChildren(h('h1', {}, 'Journal des messages'),
    h('p', {}, "Aucun serveur d'envoi n'est configuré pour ces canaux : les messages sont gardés ici, tels qu'ils auraient été envoyés."),
    section('Derniers messages', problem, empty, list, more));
  load().catch((e) => showProblem(problem, e));
}

function entry(e) {
  const to = e.channel === 'SMS' ? fmt.phone(e.recipient) : e.recipient;
  return h('li', {}, h('article', { 'aria-label': `${e.channel === 'SMS' ? 'SMS' : 'Courriel'} à ${to}, ${fmt.when(e.at)}` },
    h('p', { class: 'journal-head' }, `${fmt.when(e.at)} — ${e.channel === 'SMS' ? 'SMS' : 'Courriel'} à ${to}`),
    e.subject ? h('p', {}, h('strong', {}, e.subject)) : '',
    h('p', { class: 'journal-body' }, e.body),
    e.hasAttachment ? h('p', { class: 'muted' }, 'Invitation de calendrier jointe (.ics)') : ''));
}
