// A duty of the rota among the operator's search results (issue 22): marked "Garde", its places left, and a time
// inside the band (the suggested one, the band's next free step, or another step the operator picks).
import { h, field } from './dom.js';
import * as fmt from './format.js';

export function dutyItem(result, professional, book) {
  const d = result.duty;
  const step = d.stepMinutes * 60000;
  const times = [];
  for (let t = Date.parse(d.suggestedStart); t + step <= Date.parse(d.bandEnd) + 1; t += step) times.push(new Date(t).toISOString());
  const who = professional(result);
  const time = h('select', { name: 'start' }, times.map((t) => h('option', { value: t }, fmt.time(t))));
  const button = h('button', { type: 'button' }, 'Réserver sur la garde');
  const name = () => `Réserver sur la garde de ${who}, ${fmt.when(time.value)}`;
  button.setAttribute('aria-label', name());
  time.addEventListener('change', () => button.setAttribute('aria-label', name()));
  button.addEventListener('click', () => book(result, button, { dutyPlaceId: d.placeId, start: time.value }));
  return h('article', { class: 'duty-hit', 'aria-label': `Garde, ${fmt.time(d.suggestedStart)}, ${who}` },
    h('p', { class: 'slot-when' }, h('strong', { class: 'duty-mark' }, 'Garde'),
      ` ${d.bandLabel}, ${fmt.date(d.bandStart)} de ${fmt.time(d.bandStart)} à ${fmt.time(d.bandEnd)}`,
      h('span', { class: 'muted' }, ` · ${fmt.distance(result.distanceKm)}`)),
    h('p', {}, `${d.remainingPlaces} place(s) restante(s) sur ${d.capacity}`),
    h('p', {}, `${who}, ${fmt.professions[result.professional.profession] || result.professional.profession}`),
    h('p', {}, `${result.site.name} — ${result.site.address}`),
    h('p', {}, `Tél. ${fmt.phone(result.professional.phone)}`),
    field('Heure dans la garde', time), button);
}
