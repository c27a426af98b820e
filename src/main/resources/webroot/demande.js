// The phone-size page a professional opens from the SMS or e-mail of a push request (issue 23): /demande/<token>,
// no session needed (the link is the credential). It shows the anonymous request and two buttons (push-card.js),
// and says in French when the link is unknown, expired, meant for someone else, or the request is closed.
import { get } from './api.js';
import { h } from './dom.js';
import { serverNow } from './paris.js';
import { requestCard } from './push-card.js';

const REFUSALS = {
  PUSH_LINK_UNKNOWN: ['Lien inconnu', 'Ce lien ne correspond à aucune demande : vérifiez qu\'il est complet, ou ouvrez le '
    + 'dernier message reçu.'],
  PUSH_LINK_EXPIRED: ['Lien expiré', 'Cette demande est terminée : son lien n\'est plus valable. Merci.'],
  PUSH_LINK_NOT_YOURS: ['Ce lien ne vous est pas destiné', 'Il a été envoyé à un autre professionnel. Si ce téléphone est '
    + 'connecté à la console avec un autre compte, déconnectez-vous puis ouvrez à nouveau le lien.'],
};

const main = document.getElementById('main');
const token = decodeURIComponent(location.pathname.split('/')[2] || '');

// never a dead end: the professional's own requests (and signing in or out) are one tap away
function say(title, text) {
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, h('p', { class: 'push-closed' }, text),
    h('p', {}, h('a', { href: '/#/demandes-recues' }, 'Voir mes demandes de rendez-vous dans la console')));
  document.title = `${title} — Aiguillage`;
  heading.focus();
}

async function open() {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) { say(...REFUSALS.PUSH_LINK_UNKNOWN); return; }
  const base = `/api/v1/push-links/${encodeURIComponent(token)}`;
  try {
    const [view, now] = await Promise.all([get(base), serverNow()]);
    main.replaceChildren(h('h1', {}, 'Demande de rendez-vous'), requestCard(view, { base, now }));
  } catch (error) {
    const known = REFUSALS[error.code];
    if (known) say(...known);
    else if (error.status === 404) say(...REFUSALS.PUSH_LINK_UNKNOWN);
    else if (error.status === 410) say(...REFUSALS.PUSH_LINK_EXPIRED);
    else say('Demande indisponible', error.status === 0 ? error.message : `${error.message.replace(/[.\s]*$/, '')}. Réessayez dans un instant.`);
  }
}

open();
