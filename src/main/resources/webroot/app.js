// The shell: who is signed in, the navigation (one entry per screen, by role), the screen in <main>.
// A new screen is one module exporting render(main, session) and one line in SCREENS.
import { get, post, onSignedOut, onPasswordChangeRequired } from './api.js';
import { h } from './dom.js';
import { renderLogin } from './login.js';
import { renderPasswordChange } from './password.js';

const SCREENS = [
  { path: 'appels', label: "File d'appels", roles: ['OPERATOR', 'COORDINATOR'], load: () => import('./calls.js') },
  { path: 'orienter', label: 'Orienter un patient', roles: ['ORIENTER'], load: () => import('./orienter.js') },
  { path: 'rendez-vous', label: 'Rendez-vous', roles: ['OPERATOR', 'COORDINATOR'], load: () => import('./appointment.js') },
  { path: 'journal', label: 'Journal des messages', roles: ['OPERATOR', 'COORDINATOR'], load: () => import('./journal.js') },
  { path: 'tableau-de-bord', label: 'Tableau de bord', roles: ['COORDINATOR'], load: () => import('./dashboard.js') },
  // Opened by the SAS platform's link, never from the navigation (#/sas/creneau/<slotId>?origin=…).
  { path: 'sas/creneau', label: 'Créneau proposé au SAS', roles: ['OPERATOR', 'COORDINATOR', 'ORIENTER'], hidden: true,
    load: () => import('./sas.js') },
  // issue 14: the professional's and the coordinator's screens
  { path: 'agenda', label: 'Mon agenda', roles: ['PROFESSIONAL'], load: () => import('./pro-agenda.js') },
  { path: 'mes-rendez-vous', label: 'Mes rendez-vous', roles: ['PROFESSIONAL'], load: () => import('./pro-appointments.js') },
  { path: 'calendrier', label: 'Mon calendrier', roles: ['PROFESSIONAL'], load: () => import('./pro-feed.js') },
  { path: 'propositions', label: 'Propositions de patients', roles: ['PROFESSIONAL'], load: () => import('./pro-proposals.js') },
  { path: 'annuaire', label: 'Annuaire', roles: ['COORDINATOR'], load: () => import('./coord-directory.js') },
  { path: 'couverture', label: 'Couverture SNP', roles: ['COORDINATOR'], load: () => import('./coord-coverage.js') },
  { path: 'liste-attente', label: "Liste d'attente", roles: ['COORDINATOR'], load: () => import('./coord-waitlist.js') },
  { path: 'comptes', label: 'Comptes', roles: ['COORDINATOR'], load: () => import('./coord-accounts.js') },
  { path: 'audit', label: "Journal d'audit", roles: ['COORDINATOR'], load: () => import('./coord-audit.js') },
  // issue 22: the duty rota
  { path: 'gardes', label: 'Tour de garde', roles: ['COORDINATOR'], load: () => import('./coord-rota.js') },
  { path: 'gardes-reglages', label: 'Secteurs et plages de garde', roles: ['COORDINATOR'], load: () => import('./coord-rota-setup.js') },
  { path: 'mes-gardes', label: 'Mes gardes', roles: ['PROFESSIONAL'], load: () => import('./pro-rota.js') },
  // issue 23: push requests (the sending form itself is part of the flow, push-send.js); #/demandes/<id> follows one
  { path: 'demandes', label: 'Demandes aux professionnels', roles: ['OPERATOR', 'COORDINATOR', 'ORIENTER'], load: () => import('./push-requests.js') },
  { path: 'demandes-recues', label: 'Demandes de rendez-vous', roles: ['PROFESSIONAL'], load: () => import('./pro-push.js') },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let session = null;
let leaveScreen = null;

function screensFor(account) {
  return SCREENS.filter((s) => s.roles.some((r) => account.roles.includes(r)));
}

async function show() {
  if (leaveScreen) { leaveScreen(); leaveScreen = null; }
  const allowed = screensFor(session.account);
  const wanted = location.hash.replace(/^#\/?/, '').split('?')[0];
  const matches = (s) => s.path === wanted || wanted.startsWith(`${s.path}/`);
  const screen = allowed.find(matches) || allowed.find((s) => !s.hidden);
  if (wanted && !allowed.some(matches) && SCREENS.some(matches)) {
    main.replaceChildren(h('h1', {}, 'Accès refusé'), h('p', {}, "Cet écran n'est pas ouvert à votre compte."),
      screen ? h('p', {}, h('a', { href: `#/${screen.path}` }, `Aller à « ${screen.label} »`)) : '');
    document.title = 'Accès refusé — Aiguillage';
    return;
  }
  nav.querySelectorAll('a').forEach((a) => {
    if (screen && a.dataset.path === screen.path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  main.replaceChildren();
  if (!screen) {
    main.append(h('h1', {}, 'Aucun écran pour ce compte'),
      h('p', {}, "Ce compte n'a pas de rôle qui donne accès à la console. Voyez la coordination de la CPTS."));
    return;
  }
  document.title = `${screen.label} — Aiguillage`;
  const module = await screen.load();
  leaveScreen = module.render(main, session) || null;
}

function signedIn(account, mustChangePassword) {
  session = { account };
  if (mustChangePassword) { mustChange(); return; }
  nav.replaceChildren(h('ul', {}, screensFor(account).filter((s) => !s.hidden).map((s) =>
    h('li', {}, h('a', { href: `#/${s.path}`, 'data-path': s.path }, s.label)))));
  who.replaceChildren(h('span', {}, account.login),
    h('button', { type: 'button', class: 'secondary', onclick: signOut }, 'Se déconnecter'));
  show();
}

function signedOut(message) {
  if (leaveScreen) { leaveScreen(); leaveScreen = null; }
  session = null;
  nav.replaceChildren();
  who.replaceChildren();
  document.title = 'Connexion — Aiguillage';
  renderLogin(main, signedIn, message);
}

/** The first-sign-in password change, before any screen; then the console as usual. */
function mustChange() {
  if (leaveScreen) { leaveScreen(); leaveScreen = null; }
  nav.replaceChildren();
  who.replaceChildren(h('span', {}, session.account.login),
    h('button', { type: 'button', class: 'secondary', onclick: signOut }, 'Se déconnecter'));
  renderPasswordChange(main, session.account, () => signedIn(session.account));
}

async function signOut() {
  try {
    await post('/api/v1/auth/logout');
  } finally {
    // the next person to sign in starts on their own first screen, not on the address the last one left;
    // an address opened before signing in (a SAS link, an appointment) is kept for after the sign-in
    if (location.hash) history.replaceState(null, '', location.pathname);
    signedOut('Vous êtes déconnecté.');
  }
}

window.addEventListener('hashchange', () => { if (session) show(); });
onSignedOut(() => { if (session) signedOut('Votre session a pris fin : reconnectez-vous.'); });
onPasswordChangeRequired(() => { if (session) mustChange(); });

get('/api/v1/me').then(signedIn, () => signedOut());
