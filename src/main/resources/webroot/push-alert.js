// "Personne n'a accepté" on the operators' call screen (issue 23): the push.unanswered event of the stream leads to
// the follow-up with the phones of those asked and the overbooking candidates. The event names who must be alerted
// when the service knows (`alerted`); otherwise every operator of the territory sees it (the sender may have signed
// out), the sender's own marked "votre demande".
import { h } from './dom.js';
import * as fmt from './format.js';
import { requestIdOf } from './push-follow.js';

/** Whether this push.unanswered event is for the signed-in account. */
export function isForMe(event, session) {
  const p = event.payload || event;
  const me = session.account.id;
  if (Array.isArray(p.alerted)) return p.alerted.includes(me);
  return true;
}

/** One line of the alert list, with the link to the request. */
export function alertLine(event, session) {
  const p = event.payload || event;
  const mine = p.sentBy === session.account.id;
  const id = requestIdOf(event);
  const what = [fmt.professions[p.profession] || p.profession, p.commune].filter(Boolean).join(', ');
  return h('li', {}, `Personne n'a accepté ${mine ? 'votre demande' : 'la demande'}${what ? ` (${what})` : ''}${p.deadline ? `, à voir avant ${fmt.when(p.deadline)}` : ''} : `,
    h('a', { href: `#/demandes/${id}` }, 'voir les professionnels à appeler'));
}
