// The one place that writes dates, times, phones and labels the way a French secretariat reads them.

const TZ = 'Europe/Paris';
const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long' });
const birthFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const hourFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });

/** "mardi 24 novembre" */
export function date(iso) {
  return dayFormat.format(new Date(iso));
}

/** "14 h 20" */
export function time(iso) {
  const parts = hourFormat.formatToParts(new Date(iso));
  const hour = Number(parts.find((p) => p.type === 'hour').value);
  const minute = parts.find((p) => p.type === 'minute').value;
  return `${hour} h ${minute}`;
}

/** "mardi 24 novembre à 14 h 20" */
export function when(iso) {
  return `${date(iso)} à ${time(iso)}`;
}

/** "17 mai 1984" for a birth date (a calendar date, no time zone). */
export function birthDate(isoDate) {
  return isoDate ? birthFormat.format(new Date(`${isoDate}T00:00:00Z`)) : '';
}

/** "17/05/1984", "17 05 1984" or "17051984" → "1984-05-17"; null when it is no real date. */
export function parseFrenchDate(text) {
  const digits = (text || '').replace(/\D/g, '');
  if (digits.length !== 8) return null;
  const [d, m, y] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)];
  const iso = `${y}-${m}-${d}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.getUTCDate() === Number(d) && check.getUTCMonth() + 1 === Number(m) ? iso : null;
}

/** "06 12 34 56 78" from E.164; other countries as stored. */
export function phone(e164) {
  if (!e164 || e164 === 'unknown') return 'numéro masqué';
  if (/^\+33\d{9}$/.test(e164)) return `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  return e164;
}

/** "45 s", "3 min 05 s", "1 h 12 min" */
export function waited(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** "1,2 km" */
export function distance(km) {
  return `${Number(km).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;
}

/** Whole years at today's date in Paris. */
export function age(isoDate, now = new Date()) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(now);
  const [y, m, d] = today.split('-').map(Number);
  const [by, bm, bd] = isoDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** "sous 24 h" from an ISO-8601 duration such as PT24H or P2D. */
export function within(duration) {
  if (!duration) return '';
  const days = /P(\d+)D/.exec(duration);
  const hours = /T(\d+)H/.exec(duration);
  const total = (days ? Number(days[1]) * 24 : 0) + (hours ? Number(hours[1]) : 0);
  return total ? `sous ${total} h` : '';
}

export const professions = {
  GENERAL_PRACTITIONER: 'médecin généraliste',
  SPECIALIST: 'médecin spécialiste',
  NURSE: 'infirmier ou infirmière',
  PHARMACIST: 'pharmacien',
  PHYSIOTHERAPIST: 'kinésithérapeute',
  MIDWIFE: 'sage-femme',
  DENTIST: 'chirurgien-dentiste',
};

export const urgencies = {
  VITAL: 'Urgence vitale',
  SAME_DAY: 'Dans la journée',
  WITHIN_24H: 'Sous 24 heures',
  WITHIN_48H: 'Sous 48 heures',
  ROUTINE: 'Rendez-vous habituel',
  ADVICE: 'Conseil',
};

export const outcomes = {
  BOOKED: 'Rendez-vous pris',
  ADVICE_GIVEN: 'Conseil donné',
  REDIRECTED_15: 'Transféré au 15',
  REDIRECTED_OUT_OF_HOURS: 'Orienté vers la garde',
  REDIRECTED_OTHER: 'Orienté ailleurs',
  NO_SOLUTION: 'Pas de solution',
  ABANDONED: 'Pas de réponse',
};

export function personName(p) {
  return `${p.givenName} ${p.familyName}`;
}
