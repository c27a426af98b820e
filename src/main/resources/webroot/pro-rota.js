// "Mes gardes" (issue 22), made for a phone first: the GP's next duties (give one away, with a reason), the duties
// colleagues of the sector give away (take one), and the answer for next month: duties offered (0: not a volunteer),
// days or bands impossible or preferred.
import { get, api, showProblem } from './api.js';
import { h, field, section, alertBox } from './dom.js';
import * as paris from './paris.js';
import * as rota from './rota.js';

const CHOICES = [['', 'Possible'], ['preferred', 'Préférée'], ['impossible', 'Impossible']];

export function render(main, session) {
  const me = session.account.professionalId;
  main.replaceChildren(h('h1', {}, 'Mes gardes'));
  if (!me) {
    main.append(h('p', {}, "Ce compte n'est lié à aucune fiche de professionnel : demandez à la coordination de la CPTS de la relier."));
    return null;
  }
  const territory = session.account.territories[0];
  const problem = alertBox();
  const status = h('p', { role: 'status', class: 'rota-status', tabindex: '-1' });
  const mine = h('div');
  const offered = h('div');
  const answer = h('div');
  main.append(problem, status, section('Mes prochaines gardes', mine), section('Gardes cédées par des confrères', offered), answer);
  const state = { now: 0, current: '' };

  async function loadDuties() {
    try {
      const duties = await get('/api/v1/rota/duties');
      mine.replaceChildren(duties.length ? h('ul', { class: 'duty-list' }, duties.map(dutyItem))
        : h('p', { class: 'muted' }, "Vous n'avez aucune garde à venir dans un mois publié."));
      const months = [0, 1, 2].map((n) => rota.addMonths(state.current, n));
      const views = await Promise.all(months.map((m) => get(`${rota.base(territory)}/months/${m}`).catch(() => null)));
      const given = views.filter((v) => v && v.status === 'PUBLISHED').flatMap((v) => v.grid)
        .filter((p) => p.givenAway && p.professionalId !== me && Date.parse(p.start) > state.now);
      offered.replaceChildren(given.length ? h('ul', { class: 'duty-list' }, given.map((p) => h('li', { class: 'duty' },
        h('span', { class: 'duty-when' }, rota.placeLabel(p)), h('span', {}, p.sectorName),
        h('button', { type: 'button', 'aria-label': `Prendre la garde du ${rota.placeLabel(p)}`, onclick: () => take(p) }, 'Prendre cette garde'))))
        : h('p', { class: 'muted' }, 'Aucune garde cédée en ce moment.'));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function dutyItem(p) {
    const item = h('li', { class: 'duty' }, h('span', { class: 'duty-when' }, rota.placeLabel(p)),
      h('span', {}, `${p.sectorName} — ${p.booked} patient(s) sur ${p.capacity}`));
    if (p.givenAway) item.append(h('span', { class: 'duty-given' }, 'Cédée : vous la tenez tant qu’un confrère ne l’a pas prise.'));
    else {
      item.append(h('button', { type: 'button', class: 'secondary', 'aria-label': `Céder la garde du ${rota.placeLabel(p)}`,
        onclick: (e) => giveAwayForm(p, item, e.currentTarget) }, 'Céder cette garde'));
    }
    return item;
  }

  function giveAwayForm(p, item, opener) {
    const why = h('textarea', { name: 'why', rows: 2, maxlength: 500 });
    const errors = alertBox();
    const form = h('form', { class: 'give-away' }, field('Motif de la cession', why, 'Les autres volontaires du secteur sont prévenus.'),
      errors, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Confirmer la cession'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { form.remove(); opener.hidden = false; opener.focus(); } }, 'Annuler')));
    opener.hidden = true;
    item.append(form);
    why.focus();
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!why.value.trim()) {
        errors.textContent = 'Dites pourquoi vous cédez cette garde.';
        why.focus();
        return;
      }
      try {
        await api('POST', `${rota.base(territory)}/places/${p.placeId}/give-away`, { why: why.value.trim() });
        status.textContent = `Garde du ${rota.placeLabel(p)} cédée : les autres volontaires du secteur peuvent la prendre.`;
        await loadDuties();
        status.focus();
      } catch (error) {
        showProblem(errors, error);
      }
    });
  }

  async function take(p) {
    try {
      await api('POST', `${rota.base(territory)}/places/${p.placeId}/take`);
      await loadDuties();
      status.textContent = `Vous tenez maintenant la garde du ${rota.placeLabel(p)}.`;
      status.focus();
    } catch (error) {
      showProblem(problem, error);
    }
  }

  async function loadAnswer() {
    const next = rota.addMonths(state.current, 1);
    const title = `Mes disponibilités pour ${rota.monthLabel(next)}`;
    let view;
    try {
      view = await get(`${rota.base(territory)}/months/${next}`);
    } catch (error) {
      answer.replaceChildren(section(title, error.status === 404
        ? h('p', {}, "La coordination n'a pas encore ouvert ce mois au volontariat.") : h('p', {}, error.message)));
      return;
    }
    if (view.status === 'PUBLISHED') {
      answer.replaceChildren(section(title, h('p', {}, 'Ce mois est déjà publié : pour un changement, cédez une garde ou appelez la coordination.')));
      return;
    }
    const count = h('input', { type: 'number', name: 'offered', min: 0, max: 62, value: 0, inputmode: 'numeric' });
    const days = new Map();
    view.grid.forEach((p) => {
      const bands = days.get(p.day) || new Map();
      if (!bands.has(p.bandId)) bands.set(p.bandId, p);
      days.set(p.day, bands);
    });
    const selects = [];
    const choice = (label, day, bandId) => {
      const s = h('select', { 'data-day': day, 'data-band': bandId || '' }, CHOICES.map(([v, l]) => h('option', { value: v }, l)));
      selects.push(s);
      return field(label, s);
    };
    const rows = [...days.keys()].sort().map((day) => {
      const bands = [...days.get(day).values()];
      if (bands.length === 1) return h('div', { class: 'rota-day' }, choice(`${paris.dayLabel(day)}, ${bands[0].bandLabel} (${rota.hours(bands[0])})`, day, bands[0].bandId));
      return h('div', { class: 'rota-day' }, choice(`${paris.dayLabel(day)}, toute la journée`, day, null),
        bands.map((b) => choice(`${paris.dayLabel(day)}, ${b.bandLabel} (${rota.hours(b)})`, day, b.bandId)));
    });
    const saved = await get(`${rota.base(territory)}/months/${next}/availability/${me}`).catch(() => null);
    if (saved) {
      count.value = String(saved.offered);
      const mark = (list, kind) => list.forEach((d) => selects.filter((s) => s.dataset.day === d.day
        && s.dataset.band === (d.bandId || '')).forEach((s) => { s.value = kind; }));
      mark(saved.preferred, 'preferred');
      mark(saved.impossible, 'impossible');
    }
    const errors = alertBox();
    const form = h('form', {}, h('p', {}, `Réponse attendue avant le ${paris.dayLabel(paris.parisDay(view.deadline))}. `
      + (saved ? 'Le formulaire montre votre dernière réponse ; la nouvelle la remplacera.' : "Vous n'avez pas encore répondu.")),
    field('Nombre de gardes que vous proposez', count, '0 : vous n’êtes pas volontaire ce mois-ci.'),
    h('fieldset', {}, h('legend', {}, 'Jours et plages'), h('div', { class: 'rota-days' }, rows)),
    errors, h('button', { type: 'submit' }, 'Enregistrer ma réponse'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const pick = (kind) => selects.filter((s) => s.value === kind).map((s) => ({ day: s.dataset.day, bandId: s.dataset.band || null }));
      const body = { offered: Number(count.value), impossible: pick('impossible'), preferred: pick('preferred') };
      try {
        await api('PUT', `${rota.base(territory)}/months/${next}/availability/${me}`, body);
        status.textContent = `Réponse enregistrée pour ${rota.monthLabel(next)} : ${body.offered} garde(s) proposée(s), `
          + `${body.impossible.length} impossible(s), ${body.preferred.length} préférée(s).`;
        status.focus();
      } catch (error) {
        showProblem(errors, error);
      }
    });
    answer.replaceChildren(section(title, form));
  }

  async function start() {
    state.now = await paris.serverNow();
    state.current = paris.parisDay(state.now).slice(0, 7);
    await Promise.all([loadDuties(), loadAnswer()]);
  }
  start();
  return null;
}
