// "Mon agenda" (issue 14): the professional's week (a day at a time on a phone), slots by site, free / booked /
// blocked / cancelled, each kind told apart by a mark and a word as well as a colour; booked slots show the
// reason and the patient when the service lets this account read them. Below: publishing (pro-publish.js).
import { get, api, query, showProblem } from './api.js';
import { h, section, alertBox } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';
import { publishForms } from './pro-publish.js';

const PHONE = '(max-width: 40rem)';

export function render(main, session) {
  const professionalId = session.account.professionalId;
  main.replaceChildren(h('h1', {}, 'Mon agenda'));
  if (!professionalId) {
    main.append(h('p', {}, "Ce compte n'est lié à aucune fiche de professionnel : demandez à la coordination de la CPTS de la relier."));
    return null;
  }
  const phone = window.matchMedia(PHONE);
  const state = { pro: null, communes: {}, day: null, today: null };
  const problem = alertBox();
  const title = h('h2', { id: 'agenda-title' });
  const week = h('div', { class: 'week' });
  const previous = h('button', { type: 'button', class: 'secondary' });
  const next = h('button', { type: 'button', class: 'secondary' });
  const today = h('button', { type: 'button', class: 'secondary' }, "Aujourd'hui");
  const view = h('section', { class: 'panel', 'aria-labelledby': 'agenda-title' },
    h('div', { class: 'agenda-head' }, title, h('div', { class: 'actions' }, previous, today, next)),
    h('p', { class: 'legend' }, Object.values(paris.kinds).map((k) => h('span', { class: 'legend-item' }, `${k.mark} ${k.short}`))),
    problem, week);
  const forms = h('div');
  main.append(view, forms);

  const step = () => (phone.matches ? 1 : 7);
  previous.addEventListener('click', () => { state.day = paris.addDays(state.day, -step()); load(); });
  next.addEventListener('click', () => { state.day = paris.addDays(state.day, step()); load(); });
  today.addEventListener('click', () => { state.day = state.today; load(); });
  const onResize = () => load();
  phone.addEventListener('change', onResize);

  async function load() {
    const first = phone.matches ? state.day : paris.mondayOf(state.day);
    const days = phone.matches ? [first] : [0, 1, 2, 3, 4, 5, 6].map((n) => paris.addDays(first, n));
    previous.textContent = phone.matches ? 'Jour précédent' : 'Semaine précédente';
    next.textContent = phone.matches ? 'Jour suivant' : 'Semaine suivante';
    title.textContent = phone.matches ? paris.dayLabel(first) : `Semaine du ${paris.dayLabel(first)}`;
    const range = { from: paris.parisIso(days[0], '00:00'), to: paris.parisIso(paris.addDays(days[days.length - 1], 1), '00:00') };
    try {
      const [slots, appointments] = await Promise.all([
        get(`/api/v1/professionals/${professionalId}/slots${query(range)}`),
        get(`/api/v1/appointments${query({ professionalId, ...range, limit: 1000 })}`),
      ]);
      const bySlot = {};
      appointments.items.filter((a) => a.status !== 'cancelled').forEach((a) => { bySlot[a.slot.id] = a; });
      const patients = await patientNames(Object.values(bySlot));
      week.className = phone.matches ? 'week day-view' : 'week';
      week.replaceChildren(...days.map((day) => daySection(day, slots.items.filter((s) => paris.parisDay(s.start) === day),
        bySlot, patients)));
      problem.replaceChildren();
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function daySection(day, slots, bySlot, patients) {
    const id = `jour-${day}`;
    const items = slots.map((s) => slotItem(s, bySlot[s.id], patients));
    return h('section', { class: 'day', 'aria-labelledby': id },
      h('h3', { id }, paris.dayLabel(day)),
      items.length ? h('ul', { class: 'slot-list' }, items) : h('p', { class: 'muted' }, 'Aucun créneau'));
  }

  function slotItem(slot, appointment, patients) {
    const kind = paris.kinds[slot.kind];
    const site = state.pro.sites.find((s) => s.id === slot.siteId);
    const when = `${fmt.time(slot.start)} – ${fmt.time(slot.end)}`;
    const parts = [
      h('span', { class: 'slot-time' }, when),
      h('span', { class: 'slot-kind' }, `${kind.mark} ${kind.short}`),
      h('span', { class: 'slot-status' }, paris.statuses[slot.status]),
    ];
    if (state.pro.sites.length > 1 && site) parts.push(h('span', { class: 'slot-site' }, site.name));
    if (appointment) {
      parts.push(h('span', { class: 'slot-patient' }, patients[appointment.patientId] || 'Patient (identité réservée)'),
        h('span', { class: 'slot-reason' }, `Motif : ${appointment.reason}`));
    }
    if (slot.status === 'free' || slot.status === 'blocked') {
      parts.push(h('button', { type: 'button', class: 'secondary small', 'aria-label': `Supprimer le créneau du ${fmt.when(slot.start)}`,
        onclick: () => remove(slot) }, 'Supprimer'));
    }
    return h('li', { class: `slot kind-${slot.kind} status-${slot.status}` }, parts);
  }

  async function remove(slot) {
    try {
      await api('DELETE', `/api/v1/slots/${slot.id}`);
      await load();
    } catch (error) {
      showProblem(problem, error);
    }
  }

  async function start() {
    try {
      const [pro, territories, now] = await Promise.all([get(`/api/v1/professionals/${professionalId}`),
        get('/api/v1/territories'), paris.serverNow()]);
      state.pro = pro;
      (territories.items || territories).forEach((t) => t.communes.forEach((c) => { state.communes[c.insee] = c.name; }));
      state.today = paris.parisDay(now);
      state.day = state.today;
      forms.replaceChildren(...publishForms({ pro, communes: state.communes, today: state.today, professionalId, reload: load }));
      await load();
    } catch (error) {
      showProblem(problem, error);
    }
  }
  start();
  return () => phone.removeEventListener('change', onResize);
}

/** Names of the patients this account may read; the others stay unnamed (the service says 403). */
async function patientNames(appointments) {
  const names = {};
  await Promise.all([...new Set(appointments.map((a) => a.patientId))].map(async (id) => {
    try {
      names[id] = fmt.personName(await get(`/api/v1/patients/${id}`));
    } catch (e) {
      // not readable by this account: shown without a name
    }
  }));
  return names;
}

