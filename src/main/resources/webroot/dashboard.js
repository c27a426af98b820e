// "Tableau de bord" for coordinators: the figures of GET /api/v1/indicators for a period, as bar charts (SVG drawn
// here: no charting library to load, the console stays light) with the same numbers in tables, and the CSV download.
import { get, query, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import { parseFrenchDate } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#0b3d91', '#a04000', '#0f5a1f', '#6a1b9a'];
// The figures shown, by group, with their French labels (docs/indicators.md defines each one).
const GROUPS = [
  { key: 'calls', title: 'Appels', chart: ['received', 'answered', 'abandoned'], figures: {
    received: 'Appels reçus', answered: 'Appels décrochés', abandoned: 'Appels abandonnés avant décroché',
    answeredWithin20sShare: 'Décrochés en 20 s ou moins', answeredWithin60sShare: 'Décrochés en 60 s ou moins',
    medianWaitSeconds: 'Attente médiane (s)', p90WaitSeconds: 'Attente au 90e centile (s)' } },
  { key: 'triage', title: 'Régulation', chart: ['assessments', 'vitalTo15', 'overrides'], figures: {
    assessments: 'Évaluations', vitalTo15: 'Urgences vitales adressées au 15', overrides: 'Décisions modifiées',
    overrideShare: 'Part des décisions modifiées', pharmacistShare: 'Part orientée vers un pharmacien',
    nurseShare: 'Part orientée vers un infirmier', physiotherapistShare: 'Part orientée vers un kinésithérapeute' } },
  { key: 'snp', title: 'Soins non programmés', chart: ['requests', 'booked', 'bookedWithin24h'], figures: {
    requests: 'Demandes', booked: 'Demandes avec rendez-vous', bookedWithin24h: 'Rendez-vous dans les 24 h',
    bookedWithin24hShare: 'Part avec rendez-vous dans les 24 h', medianHoursToAppointment: 'Délai médian (h)',
    honoured: 'Rendez-vous honorés', noShow: 'Patients non venus', cancelled: 'Rendez-vous annulés' } },
  { key: 'agenda', title: 'Agenda partagé', chart: ['published', 'booked', 'unused'], figures: {
    published: 'Créneaux SNP publiés', booked: 'Créneaux SNP réservés', unused: 'Créneaux passés sans réservation',
    unusedShare: 'Part des créneaux passés restés libres', professionals: 'Professionnels ayant publié' } },
  { key: 'mt', title: 'Médecin traitant', chart: ['received', 'assigned', 'open'], figures: {
    received: 'Demandes reçues', assigned: 'Patients ayant trouvé un médecin traitant',
    closedOtherwise: 'Demandes closes sans attribution', medianDaysToAssignment: 'Attente médiane (jours)',
    open: 'Demandes en attente', openAld: 'En attente : ALD', openAged70: 'En attente : 70 ans ou plus',
    openCssAme: 'En attente : CSS ou AME', gpsWithCapacity: 'Généralistes pouvant accueillir' } },
  { key: 'sas', title: 'Rendez-vous pris depuis le SAS', chart: ['booked', 'honoured', 'cancelled'], figures: {
    booked: 'Rendez-vous pris depuis le SAS', honoured: 'Rendez-vous honorés', noShow: 'Patients non venus',
    cancelled: 'Rendez-vous annulés' } },
];

/** "12", "66,7 %", "4,5" — as a French reader writes them; "—" when there is no value. */
export function shown(name, value) {
  if (value === null || value === undefined) return '—';
  if (name.endsWith('Share')) return `${(value * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
  return Number(value).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}

export function render(main) {
  const problem = alertBox();
  const from = h('input', { name: 'from', inputmode: 'numeric', autocomplete: 'off', required: true });
  const to = h('input', { name: 'to', inputmode: 'numeric', autocomplete: 'off', required: true });
  const granularity = h('select', { name: 'granularity' }, h('option', { value: 'day' }, 'Par jour'),
    h('option', { value: 'week' }, 'Par semaine'), h('option', { value: 'month' }, 'Par mois'));
  const csv = h('a', { class: 'button-link', download: 'indicateurs.csv' }, 'Télécharger les chiffres (CSV)');
  const figures = h('div');
  const form = h('form', { class: 'inline' }, field('Du (jj/mm/aaaa)', from), field('Au, inclus (jj/mm/aaaa)', to), field('Détail', granularity),
    h('button', { type: 'submit' }, 'Afficher'));
  main.replaceChildren(h('h1', {}, 'Tableau de bord'), section('Période', form, h('p', {}, csv)), problem, figures);
  const load = async () => {
    const params = { from: parseFrenchDate(from.value), to: parseFrenchDate(to.value), granularity: granularity.value };
    if (!params.from || !params.to) {
      problem.replaceChildren(h('p', {}, 'Écrivez les deux dates en jj/mm/aaaa, par exemple 01/11/2026.'));
      return;
    }
    csv.setAttribute('href', `/api/v1/indicators.csv${query(params)}`);
    problem.replaceChildren();
    try {
      draw(figures, await get(`/api/v1/indicators${query(params)}`));
      figures.dataset.shown = query(params);
    } catch (error) {
      showProblem(problem, error);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  get('/console/settings.json').then((s) => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(s.serverTime));
    const [y, m, d] = today.split('-');
    to.value = `${d}/${m}/${y}`;
    from.value = `01/${m}/${y}`;
    granularity.value = 'day';
    load();
  }).catch((e) => showProblem(problem, e));
}

function draw(root, report) {
  const periods = report.periods || [];
  root.replaceChildren(...GROUPS.map((g) => section(g.title,
    h('table', { class: 'figures' }, h('caption', {}, `${g.title} : total de la période`),
      h('tbody', {}, Object.entries(g.figures).map(([name, label]) => h('tr', {},
        h('th', { scope: 'row' }, label),
        h('td', { 'data-figure': `${g.key}.${name}` }, shown(name, (report.total[g.key] || {})[name])))))),
    periods.length > 1 ? barChart(g, periods) : '')));
}

/** Grouped bars, one group per period; the numbers are in the table beside it and in each bar's title. */
function barChart(group, periods) {
  const names = group.chart;
  const values = periods.map((p) => names.map((n) => Number((p[group.key] || {})[n] || 0)));
  const max = Math.max(1, ...values.flat());
  const width = 640;
  const height = 180;
  const slot = width / periods.length;
  const bar = Math.max(1, (slot * 0.8) / names.length);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 20}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${group.title} par période : ${names.map((n) => group.figures[n]).join(', ')}`);
  values.forEach((row, i) => row.forEach((v, j) => {
    const rect = document.createElementNS(SVG, 'rect');
    const barHeight = (v / max) * height;
    rect.setAttribute('x', String(i * slot + slot * 0.1 + j * bar));
    rect.setAttribute('y', String(height - barHeight));
    rect.setAttribute('width', String(bar));
    rect.setAttribute('height', String(barHeight));
    rect.setAttribute('fill', COLOURS[j]);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${periods[i].period} — ${group.figures[names[j]]} : ${v}`;
    rect.append(title);
    svg.append(rect);
  }));
  [periods[0], periods[periods.length - 1]].forEach((p, k) => {
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', k ? String(width) : '0');
    label.setAttribute('y', String(height + 16));
    label.setAttribute('text-anchor', k ? 'end' : 'start');
    label.setAttribute('fill', '#1b1b1b');
    label.setAttribute('font-size', '12');
    label.textContent = p.period;
    svg.append(label);
  });
  const legend = h('ul', { class: 'legend' }, names.map((n, j) => h('li', {},
    h('span', { class: `swatch swatch-${j}`, 'aria-hidden': 'true' }), group.figures[n])));
  return h('figure', { class: 'chart' }, svg, h('figcaption', {}, `${group.title}, par période`), legend);
}
