// The duty rota's shared words (issue 22): reasons, statuses, a place said in French, months, the API's base path.
import { get } from './api.js';
import * as fmt from './format.js';
import * as paris from './paris.js';

export const reasons = {
  PREFERRED: 'plage préférée',
  ONLY_ONE_AVAILABLE: 'seul disponible',
  LEAST_LOADED: 'le moins chargé',
  MANUAL: 'modifiée à la main',
};

export const statuses = { OPEN: 'ouvert au volontariat', PROPOSED: 'proposé, non publié', PUBLISHED: 'publié' };

export const actions = {
  OPENED: 'Ouverture au volontariat', PROPOSED: 'Proposition calculée', PUBLISHED: 'Publication',
  ASSIGNED: 'Affectation à la main', CLEARED: 'Place libérée', GIVEN_AWAY: 'Garde cédée', TAKEN: 'Garde reprise',
};

export const weekdays = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

export const base = (territory) => `/api/v1/rota/${encodeURIComponent(territory)}`;

/** "12 h 00 – 14 h 00" */
export function hours(place) {
  return `${fmt.time(place.start)} – ${fmt.time(place.end)}`;
}

/** "mardi 5 janvier, Midi (12 h 00 – 14 h 00)" */
export function placeLabel(place) {
  return `${paris.dayLabel(place.day)}, ${place.bandLabel} (${hours(place)})`;
}

const monthFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** "janvier 2027" for "2027-01". */
export function monthLabel(month) {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** "2027-01" plus n months. */
export function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** "12:00:00" or "12:00" → "12 h 00" */
export function wallTime(text) {
  const [hh, mm] = String(text).split(':');
  return `${Number(hh)} h ${mm}`;
}

/** The account's territories as options, named when the service says their names. */
export function territoryOptions(select, session) {
  select.replaceChildren(...session.account.territories.map((t) => {
    const o = document.createElement('option');
    o.value = t;
    o.textContent = t;
    return o;
  }));
  get('/api/v1/territories').then((t) => (t.items || t).forEach((x) => {
    const o = select.querySelector(`option[value="${x.id}"]`);
    if (o) o.textContent = x.name;
  })).catch(() => {});
}

/** Professionals' names by id (the directory the caller may read). */
export async function professionalNames() {
  const names = {};
  try {
    (await get('/api/v1/professionals?limit=200')).items.forEach((p) => { names[p.id] = fmt.personName(p); });
  } catch (e) {
    // names stay unknown: ids are not shown, "un professionnel" is
  }
  return names;
}
