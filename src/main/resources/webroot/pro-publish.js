// Publishing availability the way a GP says it (issue 14): "every Tuesday 14:00–16:00, 20-minute SNP slots, at my
// practice in Mèze, from 1 December" becomes a weekly rule (the RRULE is built here, never typed); one slot added;
// an absence whose booked appointments are shown before it is confirmed.
import { get, post, query, ApiError } from './api.js';
import { h, field, section, alertBox, uid } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';

const WEEKDAYS = [['MO', 'lundi'], ['TU', 'mardi'], ['WE', 'mercredi'], ['TH', 'jeudi'], ['FR', 'vendredi'], ['SA', 'samedi'], ['SU', 'dimanche']];
const LENGTHS = [10, 15, 20, 30, 45, 60];

export function publishForms(ctx) {
  return [ruleForm(ctx), slotForm(ctx), absenceForm(ctx)];
}

function siteSelect(ctx) {
  return h('select', { name: 'siteId' }, ctx.pro.sites.map((s) =>
    h('option', { value: s.id }, `${s.name} (${ctx.communes[s.communeInsee] || s.communeInsee})`)));
}

function kindSelect() {
  return h('select', { name: 'kind' }, Object.entries(paris.kinds).map(([k, v]) => h('option', { value: k }, v.label)));
}

function invalid(errors) {
  return new ApiError({ status: 400, title: 'Vérifiez les champs signalés.', errors });
}

function ruleForm(ctx) {
  const fieldsetId = uid('jours');
  const boxes = WEEKDAYS.map(([code, name]) => {
    const box = h('input', { type: 'checkbox', name: 'day', value: code, id: uid('jour') });
    return { code, name, box, el: h('span', { class: 'check' }, box, h('label', { for: box.id }, name)) };
  });
  const days = h('fieldset', { id: fieldsetId, tabindex: '-1' }, h('legend', {}, 'Jours de la semaine'), boxes.map((b) => b.el));
  const startTime = h('input', { name: 'startTime', inputmode: 'numeric', size: 6, placeholder: '14:00' });
  const endTime = h('input', { name: 'endTime', inputmode: 'numeric', size: 6, placeholder: '16:00' });
  const length = h('select', { name: 'slotMinutes' }, LENGTHS.map((m) => h('option', { value: m, selected: m === 20 }, `${m} minutes`)));
  const kind = kindSelect();
  const site = siteSelect(ctx);
  const from = h('input', { name: 'validFrom', inputmode: 'numeric', size: 11, value: paris.frenchDay(ctx.today) });
  const until = h('input', { name: 'validUntil', inputmode: 'numeric', size: 11 });
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const problem = alertBox();
  const done = h('p', { role: 'status', class: 'done' });
  const controls = { rrule: days, startTime, endTime, slotMinutes: length, kind, siteId: site, validFrom: from, validUntil: until };
  const french = {
    rrule: 'Cochez au moins un jour.', startTime: 'Heure de début : écrivez-la comme 14:00.',
    endTime: 'Heure de fin : écrivez-la comme 16:00, après le début.', slotMinutes: 'Durée : entre 5 minutes et 12 heures.',
    validFrom: "Date de début : jj/mm/aaaa, aujourd'hui ou plus tard.", validUntil: 'Date de fin : jj/mm/aaaa, après la date de début.',
    siteId: "Choisissez un de vos lieux d'exercice.", kind: 'Choisissez le type de créneau.',
  };

  function read() {
    const errors = [];
    const chosen = boxes.filter((b) => b.box.checked);
    const s = paris.parseTime(startTime.value);
    const e = paris.parseTime(endTime.value);
    const f = paris.parseDay(from.value);
    const u = until.value.trim() ? paris.parseDay(until.value) : undefined;
    if (!chosen.length) errors.push({ field: 'rrule' });
    if (!s) errors.push({ field: 'startTime' });
    if (!e || (s && e <= s)) errors.push({ field: 'endTime' });
    if (!f) errors.push({ field: 'validFrom' });
    if (u === null || (u && f && u < f)) errors.push({ field: 'validUntil' });
    return { errors, chosen, s, e, f, u };
  }

  function describe() {
    const r = read();
    if (!r.chosen.length || !r.s || !r.e || !r.f) { summary.textContent = ''; return; }
    const names = r.chosen.map((b) => b.name);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}` : names[0];
    const siteText = site.options[site.selectedIndex].text;
    summary.textContent = `Chaque ${list} de ${r.s.replace(':', ' h ')} à ${r.e.replace(':', ' h ')}, créneaux « ${paris.kinds[kind.value].short} » `
      + `de ${length.value} minutes, à ${siteText}, à partir du ${paris.dayLabel(r.f)}${r.u ? ` jusqu'au ${paris.dayLabel(r.u)}` : ''}.`;
  }

  const form = h('form', { novalidate: true }, days,
    h('div', { class: 'inline' }, field('Début (hh:mm)', startTime), field('Fin (hh:mm)', endTime), field('Durée d\'un créneau', length)),
    h('div', { class: 'inline' }, field('Type de créneau', kind), field('Lieu', site)),
    h('div', { class: 'inline' }, field('À partir du (jj/mm/aaaa)', from), field("Jusqu'au (jj/mm/aaaa, facultatif)", until)),
    summary, problem, done, h('button', { type: 'submit' }, 'Publier ces disponibilités'));
  form.addEventListener('input', describe);
  form.addEventListener('change', describe);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    done.textContent = '';
    const r = read();
    if (r.errors.length) { paris.showFieldErrors(invalid(r.errors), controls, french, problem); return; }
    const body = { siteId: site.value, kind: kind.value, rrule: `FREQ=WEEKLY;BYDAY=${r.chosen.map((b) => b.code).join(',')}`,
      startTime: r.s, endTime: r.e, slotMinutes: Number(length.value), validFrom: r.f, ...(r.u ? { validUntil: r.u } : {}) };
    try {
      const rule = await post(`/api/v1/professionals/${ctx.professionalId}/availability-rules`, body);
      paris.showFieldErrors(null, controls, french, problem);
      done.textContent = `Disponibilités publiées : ${rule.slotsCreated} créneau(x) créé(s)`
        + (rule.overlapsSkipped ? `, ${rule.overlapsSkipped} période(s) déjà occupée(s) laissée(s) de côté.` : '.');
      await ctx.reload();
    } catch (error) {
      paris.showFieldErrors(error, controls, french, problem);
    }
  });
  describe();
  return section('Publier des disponibilités chaque semaine', form);
}

function slotForm(ctx) {
  const day = h('input', { name: 'day', inputmode: 'numeric', size: 11 });
  const startTime = h('input', { name: 'start', inputmode: 'numeric', size: 6, placeholder: '14:00' });
  const endTime = h('input', { name: 'end', inputmode: 'numeric', size: 6, placeholder: '14:20' });
  const kind = kindSelect();
  const site = siteSelect(ctx);
  const problem = alertBox();
  const done = h('p', { role: 'status', class: 'done' });
  const controls = { day, start: startTime, end: endTime, kind, siteId: site };
  const french = { day: 'Jour : jj/mm/aaaa.', start: 'Début : hh:mm, pas dans le passé.', end: 'Fin : hh:mm, après le début (5 min à 12 h).',
    siteId: "Choisissez un de vos lieux d'exercice.", kind: 'Choisissez le type de créneau.' };
  const form = h('form', { novalidate: true },
    h('div', { class: 'inline' }, field('Jour (jj/mm/aaaa)', day), field('Début du créneau (hh:mm)', startTime), field('Fin du créneau (hh:mm)', endTime)),
    h('div', { class: 'inline' }, field('Type du créneau', kind), field('Lieu du créneau', site)),
    problem, done, h('button', { type: 'submit' }, 'Ajouter ce créneau'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    done.textContent = '';
    const d = paris.parseDay(day.value);
    const s = paris.parseTime(startTime.value);
    const e = paris.parseTime(endTime.value);
    const errors = [!d && { field: 'day' }, !s && { field: 'start' }, (!e || (s && e <= s)) && { field: 'end' }].filter(Boolean);
    if (errors.length) { paris.showFieldErrors(invalid(errors), controls, french, problem); return; }
    try {
      const slot = await post(`/api/v1/professionals/${ctx.professionalId}/slots`,
        { siteId: site.value, kind: kind.value, start: paris.parisIso(d, s), end: paris.parisIso(d, e) });
      paris.showFieldErrors(null, controls, french, problem);
      done.textContent = `Créneau ajouté : ${fmt.when(slot.start)}.`;
      await ctx.reload();
    } catch (error) {
      paris.showFieldErrors(error, controls, french, problem);
    }
  });
  return section('Ajouter un créneau', form);
}

function absenceForm(ctx) {
  const fromDay = h('input', { name: 'fromDay', inputmode: 'numeric', size: 11 });
  const fromTime = h('input', { name: 'fromTime', inputmode: 'numeric', size: 6, placeholder: '00:00' });
  const toDay = h('input', { name: 'toDay', inputmode: 'numeric', size: 11 });
  const toTime = h('input', { name: 'toTime', inputmode: 'numeric', size: 6, placeholder: '24:00' });
  const reason = h('input', { name: 'reason', maxlength: 500 });
  const problem = alertBox();
  const conflicts = h('div', { role: 'status', class: 'conflicts' });
  const confirm = h('button', { type: 'button', hidden: true }, "Confirmer l'absence");
  const controls = { from: fromDay, fromTime, to: toDay, toTime, reason };
  const french = { from: 'Premier jour : jj/mm/aaaa.', fromTime: 'Heure : hh:mm (vide : toute la journée).', to: 'Dernier jour : jj/mm/aaaa, pas avant le premier.',
    toTime: 'Heure : hh:mm (vide : toute la journée).', reason: 'Motif : 500 caractères au plus.' };
  let pending = null;

  function read() {
    const f = paris.parseDay(fromDay.value);
    const t = paris.parseDay(toDay.value);
    const ft = fromTime.value.trim() ? paris.parseTime(fromTime.value) : '00:00';
    const tt = toTime.value.trim() ? paris.parseTime(toTime.value) : null;
    const errors = [!f && { field: 'from' }, !ft && { field: 'fromTime' }, (!t || (f && t < f)) && { field: 'to' },
      toTime.value.trim() && !tt && { field: 'toTime' }].filter(Boolean);
    if (errors.length) return { errors };
    const end = tt ? paris.parisIso(t, tt) : paris.parisIso(paris.addDays(t, 1), '00:00');
    return { errors, body: { from: paris.parisIso(f, ft), to: end, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) } };
  }

  const form = h('form', { novalidate: true },
    h('div', { class: 'inline' }, field("Premier jour d'absence (jj/mm/aaaa)", fromDay), field('À partir de (hh:mm, facultatif)', fromTime)),
    h('div', { class: 'inline' }, field("Dernier jour d'absence (jj/mm/aaaa)", toDay), field("Jusqu'à (hh:mm, facultatif)", toTime)),
    field('Motif (facultatif, visible de la coordination)', reason),
    problem, h('button', { type: 'submit' }, 'Vérifier les rendez-vous touchés'), conflicts, confirm);
  form.addEventListener('input', () => { pending = null; confirm.hidden = true; conflicts.replaceChildren(); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const r = read();
    if (r.errors.length) { paris.showFieldErrors(invalid(r.errors), controls, french, problem); return; }
    paris.showFieldErrors(null, controls, french, problem);
    try {
      const [booked, appointments, duties] = await Promise.all([
        get(`/api/v1/professionals/${ctx.professionalId}/slots${query({ from: r.body.from, to: r.body.to, status: 'booked' })}`),
        get(`/api/v1/appointments${query({ professionalId: ctx.professionalId, from: r.body.from, to: r.body.to, status: 'booked' })}`),
        get('/api/v1/rota/duties').catch(() => []),
      ]);
      const reasons = {};
      appointments.items.forEach((a) => { reasons[a.slot.id] = a.reason; });
      // issue 22: the duties of the rota this absence covers are shown too; they stay held until given away or reassigned
      const onDuty = duties.filter((d) => Date.parse(d.start) < Date.parse(r.body.to) && Date.parse(d.end) > Date.parse(r.body.from));
      // the person saw the duties: the absence is then saved over them (they stay held until given away or reassigned)
      pending = onDuty.length ? { ...r.body, confirm: true } : r.body;
      conflicts.replaceChildren(...conflictList(booked.items, reasons), ...dutyList(onDuty));
      confirm.hidden = false;
      confirm.focus();
    } catch (error) {
      paris.showFieldErrors(error, controls, french, problem);
    }
  });
  confirm.addEventListener('click', async () => {
    try {
      const result = await post(`/api/v1/professionals/${ctx.professionalId}/absences`, pending);
      confirm.hidden = true;
      pending = null;
      conflicts.replaceChildren(h('p', { class: 'done' }, `Absence enregistrée : ${result.blockedSlots} créneau(x) libre(s) bloqué(s).`
        + (result.bookedSlots.length ? ` ${result.bookedSlots.length} rendez-vous réservé(s) restent à traiter avec la coordination.` : '')
        + ((result.duties || []).length ? ` ${result.duties.length} garde(s) restent à vous : cédez-les ou voyez la coordination.` : '')));
      await ctx.reload();
    } catch (error) {
      if (error.code === 'ABSENCE_OVER_DUTY') {
        // duties the check above did not see (a month not yet published): shown, then a second confirmation saves
        pending = { ...pending, confirm: true };
        conflicts.replaceChildren(...dutyList(error.duties));
        confirm.focus();
        return;
      }
      paris.showFieldErrors(error, controls, french, problem);
    }
  });
  return section('Déclarer une absence', form);
}

function conflictList(slots, reasons) {
  if (!slots.length) return [h('p', {}, 'Aucun rendez-vous réservé pendant cette absence : vos créneaux libres seront bloqués.')];
  return [h('p', { class: 'warning' }, `${slots.length} rendez-vous réservé(s) pendant cette absence. Ils ne sont pas annulés : `
      + 'prévenez la coordination pour replacer ces patients.'),
    h('ul', { class: 'conflict-list' }, slots.map((s) => h('li', {}, `${fmt.when(s.start)} — ${paris.kinds[s.kind].short}`
      + (reasons[s.id] ? ` — motif : ${reasons[s.id]}` : ''))))];
}

function dutyList(duties) {
  if (!duties.length) return [];
  return [h('p', { class: 'warning' }, `Vous êtes de garde pendant cette absence (${duties.length}) : la garde reste à vous tant que vous ne `
      + "l'avez pas cédée (« Mes gardes ») ou que la coordination ne l'a pas confiée à un autre."),
    h('ul', { class: 'conflict-list' }, duties.map((d) => h('li', {}, `Garde ${d.bandLabel} : ${fmt.when(d.start)} – ${fmt.time(d.end)}`
      + ` — ${d.booked || 0} patient(s)`)))];
}
