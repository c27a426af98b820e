// "Liste d'attente" (issue 14): patients without a médecin traitant by priority with their reasons and wait,
// the GP candidates for one request, a proposal made and followed to its end, and the list's figures.
import { get, post, query, showProblem } from './api.js';
import { h, field, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import { reasons as reasonLabels } from './pro-proposals.js';

const STATES = { OPEN: 'En attente', PROPOSED: 'Proposé à un médecin', ASSIGNED: 'Médecin trouvé', CLOSED: 'Clos' };

export function render(main, session) {
  const territoryId = session.account.territories[0];
  const problem = alertBox();
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'Tous'),
    Object.entries(STATES).map(([k, v]) => h('option', { value: k, selected: k === 'OPEN' }, v)));
  const list = h('div');
  const detail = h('div');
  const figures = h('div');
  const filter = h('form', { class: 'inline' }, field('État de la demande', status), h('button', { type: 'submit' }, 'Afficher'));
  filter.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  main.replaceChildren(h('h1', {}, "Liste d'attente médecin traitant"), figures, section('Demandes par priorité', filter, problem, list), detail);
  let now = Date.now();

  async function load() {
    try {
      const page = await get(`/api/v1/waitlist${query({ status: status.value, limit: 100 })}`);
      const names = {};
      await Promise.all(page.items.map(async (r) => {
        try { names[r.patientId] = fmt.personName(await get(`/api/v1/patients/${r.patientId}`)); } catch (e) { names[r.patientId] = 'Patient'; }
      }));
      list.replaceChildren(h('table', {}, h('caption', {}, `${page.total} demande(s), la plus prioritaire en premier`),
        h('thead', {}, h('tr', {}, ['Patient', 'Priorité', 'Raisons', 'Attente', 'État', 'Action'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, page.items.length ? page.items.map((r) => h('tr', {},
          h('th', { scope: 'row' }, names[r.patientId]), h('td', {}, String(r.priority)),
          h('td', {}, r.reasons.length ? r.reasons.map((x) => reasonLabels[x] || x).join(', ') : '—'),
          h('td', {}, `${Math.max(0, Math.floor((now - Date.parse(r.createdAt)) / 864e5))} j`), h('td', {}, STATES[r.status]),
          h('td', {}, r.status === 'OPEN' ? h('button', { type: 'button', class: 'secondary small', 'aria-label': `Candidats pour ${names[r.patientId]}`,
            onclick: () => candidates(r, names[r.patientId]) }, 'Candidats') : '')))
          : h('tr', {}, h('td', { colspan: 6 }, 'Aucune demande.')))));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  async function candidates(request, name) {
    const box = alertBox();
    try {
      const found = (await get(`/api/v1/waitlist/${request.id}/candidates`)).items;
      const notes = h('textarea', { name: 'notes', rows: 2, maxlength: 2000 });
      detail.replaceChildren(section(`Médecins pour ${name}`, field('Note pour le médecin (facultative)', notes), box,
        found.length ? h('ul', { class: 'cards' }, found.map((c) => h('li', { class: 'panel' },
          h('p', {}, h('strong', {}, `Dr ${c.givenName} ${c.familyName}`), ` — ${fmt.distance(c.distanceKm)}, place pour ${c.mtCapacity} patient(s)`),
          h('p', {}, c.nextFirstVisit ? `Première consultation possible : ${fmt.when(c.nextFirstVisit.start)}` : 'Pas de créneau de première consultation publié'),
          h('button', { type: 'button', onclick: () => propose(request, name, c, notes.value.trim(), box) }, `Proposer à Dr ${c.familyName}`))))
          : h('p', {}, "Aucun médecin n'a de place pour le moment.")));
      detail.querySelector('h2').setAttribute('tabindex', '-1');
      detail.querySelector('h2').focus();
    } catch (error) {
      showProblem(problem, error);
    }
  }

  async function propose(request, name, candidate, notes, box) {
    try {
      const proposal = await post(`/api/v1/waitlist/${request.id}/proposals`, { professionalId: candidate.professionalId, ...(notes ? { notes } : {}) });
      detail.replaceChildren(follow(proposal, name, candidate));
      load();
    } catch (error) {
      showProblem(box, error);
    }
  }

  function follow(proposal, name, candidate) {
    const state = h('p', { role: 'status' }, `Proposé à Dr ${candidate.familyName} : en attente de la réponse du médecin et de l'accord du patient.`);
    const box = alertBox();
    const reason = h('input', { name: 'patientReason', maxlength: 2000 });
    const answer = async (yes) => {
      try {
        const p = await post(`/api/v1/mt-proposals/${proposal.id}/patient-${yes ? 'accept' : 'decline'}`, reason.value.trim() ? { reason: reason.value.trim() } : {});
        state.textContent = `Médecin : ${p.gpAnswer ? (p.gpAnswer === 'ACCEPTED' ? 'accepte' : 'refuse') : 'pas encore répondu'} ; `
          + `patient : ${yes ? 'accepte' : 'refuse'}. Proposition ${p.status === 'ACCEPTED' ? 'aboutie' : p.status === 'DECLINED' ? 'close' : 'en cours'}.`;
        load();
      } catch (error) {
        showProblem(box, error);
      }
    };
    return section(`Proposition pour ${name}`, state, field('Réponse du patient (note facultative)', reason), box,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => answer(true) }, 'Le patient accepte'),
        h('button', { type: 'button', class: 'secondary', onclick: () => answer(false) }, 'Le patient refuse')));
  }

  async function stats() {
    try {
      const s = await get(`/api/v1/waitlist/stats${query({ territory: territoryId })}`);
      const communes = Object.entries(s.openByCommune || {});
      figures.replaceChildren(section('Les chiffres de la liste', h('dl', { class: 'figures' },
        h('dt', {}, 'Demandes en attente'), h('dd', {}, String(s.open)),
        h('dt', {}, 'Médecins trouvés sur un an'), h('dd', {}, String(s.assignedInPeriod)),
        h('dt', {}, 'Délai médian avant un médecin'), h('dd', {}, s.medianDaysToAssignment == null ? '—' : `${s.medianDaysToAssignment} j`),
        h('dt', {}, 'Médecins ayant de la place'), h('dd', {}, `${s.gpsWithCapacity} (${s.totalCapacity} places)`)),
      communes.length ? h('p', {}, `Par commune : ${communes.map(([k, v]) => `${k} : ${v}`).join(', ')}`) : ''));
    } catch (error) {
      showProblem(problem, error);
    }
  }
  import('./paris.js').then((p) => p.serverNow()).then((t) => { now = t; load(); stats(); });
  return null;
}
