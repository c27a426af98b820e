// The push setting of a professional's profile (issue 23): whether they take requests, and the hours they take
// them (days and a time range, several ranges allowed). The channel is their message setting (SMS or e-mail).
import { get, api, showProblem } from './api.js';
import { h, section, field, alertBox, uid } from './dom.js';
import * as paris from './paris.js';

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

export function pushSettings(root, professionalId) {
  const path = `/api/v1/professionals/${professionalId}/push-settings`;
  const takes = h('input', { type: 'checkbox', name: 'takesRequests', id: uid('takes') });
  const ranges = h('div', { class: 'push-hours' });
  const problem = alertBox();
  const done = h('p', { class: 'done', role: 'status' });
  const add = h('button', { type: 'button', class: 'secondary', onclick: () => { ranges.append(range()); renumber(); } },
    'Ajouter une plage horaire');
  const form = h('form', {},
    h('div', { class: 'check' }, takes, h('label', { for: takes.id }, 'Je reçois les demandes de rendez-vous')),
    h('p', { class: 'hint' }, 'Elles arrivent ici et par le canal de vos messages (SMS ou e-mail), seulement pendant ces heures.'),
    ranges, h('div', { class: 'actions' }, add), problem, done,
    h('button', { type: 'submit' }, 'Enregistrer le réglage'));
  root.replaceChildren(section('Réglage des demandes', form));

  function renumber() {
    [...ranges.children].forEach((r, i) => { r.querySelector('legend').textContent = `Plage ${i + 1}`; });
  }

  function range(value = { days: [1, 2, 3, 4, 5], start: '08:00', end: '19:00' }) {
    const start = h('input', { type: 'text', name: 'start', value: value.start, inputmode: 'numeric' });
    const end = h('input', { type: 'text', name: 'end', value: value.end, inputmode: 'numeric' });
    const box = h('fieldset', { class: 'push-range' }, h('legend', {}, 'Plage'),
      h('div', {}, DAYS.map((d, i) => {
        const check = h('input', { type: 'checkbox', name: 'day', value: i + 1, id: uid('day'), checked: value.days.includes(i + 1) });
        return h('span', { class: 'check' }, check, h('label', { for: check.id }, d));
      })),
      h('div', { class: 'inline' }, field('De (hh:mm)', start), field('À (hh:mm)', end),
        h('button', { type: 'button', class: 'secondary small', onclick: () => { box.remove(); renumber(); } }, 'Retirer cette plage')));
    return box;
  }

  const read = () => [...ranges.children].map((r) => ({
    days: [...r.querySelectorAll('input[name=day]:checked')].map((c) => Number(c.value)),
    start: paris.parseTime(r.querySelector('input[name=start]').value),
    end: paris.parseTime(r.querySelector('input[name=end]').value),
  }));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    done.textContent = '';
    const hours = read();
    if (hours.some((r) => !r.days.length || !r.start || !r.end || r.start >= r.end)) {
      problem.textContent = 'Chaque plage a au moins un jour, et une heure de début avant l\'heure de fin (hh:mm).';
      return;
    }
    try {
      await api('PUT', path, { takesRequests: takes.checked, hours });
      problem.replaceChildren();
      done.textContent = takes.checked ? 'Réglage enregistré : vous recevez les demandes pendant ces heures.'
        : 'Réglage enregistré : vous ne recevez pas de demandes.';
    } catch (error) {
      showProblem(problem, error);
    }
  });

  get(path).then((s) => {
    takes.checked = !!s.takesRequests;
    ranges.replaceChildren(...(s.hours && s.hours.length ? s.hours : [undefined]).map((r) => range(r)));
    renumber();
  }, (error) => {
    ranges.replaceChildren(range());
    renumber();
    if (error.status !== 404) showProblem(problem, error);
  });
}
