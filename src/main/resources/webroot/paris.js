// Professionals' and coordinators' screens (issue 14): Paris calendar days, local times to ISO-8601 with offset,
// the service's "today", labels of slot kinds and statuses, and field errors shown beside their field.
import { get, ApiError } from './api.js';
import { h } from './dom.js';

const TZ = 'Europe/Paris';
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: TZ });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TZ, timeZoneName: 'longOffset' });
const shortDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });

/** "2026-11-24": the Paris calendar day of an instant. */
export function parisDay(instant) {
  return dayKey.format(new Date(instant));
}

/** The service's clock (tests pin it), falling back to the workstation's. */
export async function serverNow() {
  try {
    return Date.parse((await get('/console/settings.json')).serverTime);
  } catch (e) {
    return Date.now();
  }
}

function offsetAt(ms) {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName').value;
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

/** "2026-12-01" + "14:00" (Paris) → "2026-12-01T14:00:00+01:00" */
export function parisIso(day, time) {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm) - 3600 * 1000;
  return `${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00${offsetAt(guess)}`;
}

export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The Monday of the week holding this day. */
export function mondayOf(day) {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** "mardi 24 novembre" for a calendar day. */
export function dayLabel(day) {
  return shortDay.format(new Date(`${day}T00:00:00Z`));
}

/** "14:20" or "14h20" or "14 h 20" → "14:20"; null otherwise. */
export function parseTime(text) {
  const m = /^\s*([01]?\d|2[0-3])\s*(?:h|:)\s*([0-5]\d)?\s*$/i.exec(text || '');
  return m ? `${m[1].padStart(2, '0')}:${m[2] || '00'}` : null;
}

/** "01/12/2026" → "2026-12-01" (same rule as birth dates). */
export function parseDay(text) {
  const digits = (text || '').replace(/\D/g, '');
  if (digits.length !== 8) return null;
  const iso = `${digits.slice(4)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso ? iso : null;
}

/** "2026-12-01" → "01/12/2026" */
export function frenchDay(day) {
  return day.split('-').reverse().join('/');
}

export const kinds = {
  SNP: { label: 'Soins non programmés (SNP)', short: 'SNP', mark: '⚡' },
  MT_FIRST_VISIT: { label: 'Première consultation médecin traitant', short: '1re consultation MT', mark: '★' },
  PUBLIC: { label: 'Rendez-vous public', short: 'Public', mark: '●' },
  PRO: { label: 'Réservé aux professionnels', short: 'Professionnels', mark: '◆' },
};

export const statuses = { free: 'Libre', booked: 'Réservé', blocked: 'Bloqué', cancelled: 'Annulé' };

export const roles = {
  OPERATOR: 'Opérateur ou opératrice', COORDINATOR: 'Coordination', PROFESSIONAL: 'Professionnel de santé',
  ORIENTER: 'Orienteur (pharmacie, infirmier)', ADMIN: 'Administration',
};

/**
 * A form's field errors, each beside its field (aria-invalid, described by the message); a refusal that names no
 * field of the form goes to the general box. `controls` maps an API field name to its control; `french` gives the
 * message a person reads for each field (the API's own messages are in English).
 */
export function showFieldErrors(error, controls, french, generalBox) {
  Object.values(controls).forEach((c) => {
    c.removeAttribute('aria-invalid');
    const old = document.getElementById(`${c.id}-error`);
    if (old) old.remove();
    c.setAttribute('aria-describedby', (c.getAttribute('aria-describedby') || '').replace(`${c.id}-error`, '').trim());
  });
  generalBox.replaceChildren();
  if (!error) return;
  const rest = [];
  const errors = error instanceof ApiError ? error.errors : [];
  errors.forEach((e) => {
    const name = Object.keys(controls).find((k) => e.field === k || e.field.startsWith(`${k}[`) || e.field.startsWith(`${k}.`)
      || e.field.startsWith(`/${k}`));
    if (!name) { rest.push(e); return; }
    const control = controls[name];
    if (document.getElementById(`${control.id}-error`)) return;
    control.setAttribute('aria-invalid', 'true');
    const message = h('p', { class: 'field-error', id: `${control.id}-error` }, french[name] || 'Valeur refusée : vérifiez ce champ.');
    control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${message.id}`.trim());
    control.after(message);
  });
  generalBox.append(h('p', {}, error instanceof ApiError ? error.message : 'Une erreur inattendue est survenue.'));
  if (rest.length) generalBox.append(h('ul', {}, rest.map((e) => h('li', {}, french[e.field] || `Champ ${e.field} : valeur refusée.`))));
  const first = Object.values(controls).find((c) => c.getAttribute('aria-invalid') === 'true');
  if (first) first.focus();
}
