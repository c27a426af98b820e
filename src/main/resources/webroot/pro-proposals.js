// "Propositions de patients" (issue 14): patients without a médecin traitant the coordination proposes to this GP,
// with their priority reasons, commune and distance; accept, or decline with a reason.
import { get, post, showProblem } from './api.js';
import { h, field, alertBox } from './dom.js';
import * as fmt from './format.js';

export const reasons = {
  ALD: 'Affection de longue durée (ALD)', AGE_70_PLUS: '70 ans ou plus', CSS_OR_AME: 'Complémentaire santé solidaire ou AME',
  PRECARITY: 'Précarité', DISABILITY: 'Handicap',
};
/** Where the proposal stands for the GP: their own answer first, then the patient's. */
function stateOf(p) {
  if (p.status === 'ACCEPTED') return 'Acceptée par vous et par le patient : vous êtes son médecin traitant.';
  if (p.gpAnswer === 'ACCEPTED') return "Vous avez accepté : la coordination recueille maintenant l'accord du patient.";
  if (p.gpAnswer === 'DECLINED' || p.status === 'DECLINED') return 'Refusée.';
  return 'En attente de votre réponse.';
}

function km(a, b) {
  const rad = Math.PI / 180;
  const x = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2
    + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(x));
}

export function render(main, session) {
  const problem = alertBox();
  const list = h('div', { class: 'cards' });
  main.replaceChildren(h('h1', {}, 'Propositions de patients'), problem, list);
  const professionalId = session.account.professionalId;
  Promise.all([get('/api/v1/me/mt-proposals'), get('/api/v1/territories'),
    professionalId ? get(`/api/v1/professionals/${professionalId}`) : null]).then(([proposals, territories, pro]) => {
    const communes = {};
    (territories.items || territories).forEach((t) => t.communes.forEach((c) => { communes[c.insee] = c; }));
    if (!proposals.items.length) list.replaceChildren(h('p', {}, 'Aucune proposition pour le moment.'));
    else list.replaceChildren(...proposals.items.map((p) => card(p, communes, pro)));
  }, (error) => showProblem(problem, error));
  return null;
}

function card(proposal, communes, pro) {
  const p = proposal.patient;
  const name = `${p.givenName} ${p.familyName}`;
  const commune = communes[p.communeInsee];
  const distances = commune && pro ? pro.sites.map((s) => km(commune, s)) : [];
  const status = h('p', { role: 'status', class: 'proposal-state' }, stateOf(proposal));
  const problem = alertBox();
  const reason = h('textarea', { name: 'reason', rows: 2, maxlength: 2000 });
  const accept = h('button', { type: 'button' }, `Accepter ${name}`);
  const decline = h('button', { type: 'button', class: 'secondary' }, `Refuser ${name}`);
  const answer = async (yes) => {
    if (!yes && !reason.value.trim()) { problem.textContent = 'Pour refuser, écrivez le motif : la coordination en tient compte.'; reason.focus(); return; }
    try {
      const done = await post(`/api/v1/mt-proposals/${proposal.id}/${yes ? 'accept' : 'decline'}`, reason.value.trim() ? { reason: reason.value.trim() } : {});
      status.textContent = stateOf(done);
      form.hidden = true;
    } catch (error) {
      showProblem(problem, error);
    }
  };
  accept.addEventListener('click', () => answer(true));
  decline.addEventListener('click', () => answer(false));
  const form = h('div', { hidden: proposal.status !== 'PENDING' || !!proposal.gpAnswer }, field('Motif ou message à la coordination', reason), problem,
    h('div', { class: 'actions' }, accept, decline));
  return h('article', { class: 'panel proposal' },
    h('h2', {}, `${name}, ${p.age} ans`),
    h('p', {}, `${commune ? commune.name : p.communeInsee}${distances.length ? ` — à ${fmt.distance(Math.min(...distances))} de votre cabinet` : ''}`),
    h('p', {}, `Proposé le ${fmt.date(proposal.createdAt)}`),
    p.reasons.length ? h('ul', { class: 'reasons', 'aria-label': 'Raisons de priorité' }, p.reasons.map((r) => h('li', {}, reasons[r] || r)))
      : h('p', { class: 'muted' }, 'Sans critère de priorité particulier'),
    p.notes ? h('p', {}, `Note : ${p.notes}`) : '',
    status, form);
}
