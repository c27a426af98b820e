// "Annuaire" (issue 14): the coordinator searches the directory of their territories (profession, commune, skill,
// SNP, room for new patients), creates and edits professionals; each refusal of the service shows beside its field.
import { get, post, patch, query, showProblem } from './api.js';
import { h, field, section, alertBox, uid } from './dom.js';
import * as fmt from './format.js';
import * as paris from './paris.js';

const FRENCH = {
  rpps: 'RPPS : 11 chiffres dont le dernier est la clé de contrôle (vérifiez la carte CPS).',
  familyName: 'Nom : obligatoire, 100 caractères au plus.', givenName: 'Prénom : obligatoire, 100 caractères au plus.',
  profession: 'Choisissez la profession.', specialty: 'Spécialité : 100 caractères au plus.',
  skills: 'Compétence inconnue : utilisez les compétences du référentiel de la CPTS.',
  phone: 'Téléphone : un numéro français valide, comme 04 67 00 00 00.', email: 'E-mail : une adresse comme nom@exemple.fr, ou rien.',
  mtCapacity: 'Capacité : un nombre entre 0 et 10 000.', 'sites[0].name': 'Nom du lieu : obligatoire.',
  'sites[0].address': 'Adresse : obligatoire.', 'sites[0].communeInsee': 'Commune : choisissez une commune de vos territoires.',
  'sites[0].phone': 'Téléphone du lieu : un numéro français valide.',
};

export function render(main, session) {
  const state = { communes: [], items: [] };
  const q = h('input', { name: 'q', type: 'search' });
  const profession = h('select', { name: 'profession' }, h('option', { value: '' }, 'Toutes'),
    Object.entries(fmt.professions).map(([k, v]) => h('option', { value: k }, v)));
  const communeFilter = h('select', { name: 'communeInsee' }, h('option', { value: '' }, 'Toutes'));
  const skill = h('input', { name: 'skill' });
  const snp = h('select', { name: 'acceptsSnp' }, h('option', { value: '' }, 'Indifférent'), h('option', { value: 'true' }, 'Oui'),
    h('option', { value: 'false' }, 'Non'));
  const room = h('input', { type: 'checkbox', id: uid('place') });
  const problem = alertBox();
  const editor = h('div');
  const results = h('div');
  main.replaceChildren(h('h1', {}, 'Annuaire des professionnels'), searchSection(), results, editor);
  get('/api/v1/territories').then((t) => {
    (t.items || t).filter((x) => session.account.territories.includes(x.id))
      .forEach((x) => x.communes.forEach((c) => state.communes.push(c)));
    state.communes.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    communeFilter.append(...state.communes.map((c) => h('option', { value: c.insee }, c.name)));
    showEditor(null);
    search();
  });


  function searchSection() {
    const form = h('form', { role: 'search' },
      h('div', { class: 'inline' }, field('Nom ou RPPS', q), field('Profession', profession), field('Commune', communeFilter),
        field('Compétence', skill), field('Accepte les SNP', snp)),
      h('p', { class: 'check' }, room, h('label', { for: room.id }, 'Seulement ceux qui prennent de nouveaux patients (médecin traitant)')),
      problem, h('button', { type: 'submit' }, 'Rechercher'));
    form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
    return section('Rechercher', form);
  }

  async function search() {
    try {
      const page = await get(`/api/v1/professionals${query({ q: q.value.trim(), profession: profession.value, communeInsee: communeFilter.value,
        skill: skill.value.trim(), acceptsSnp: snp.value, limit: 200 })}`);
      state.items = page.items.filter((p) => !room.checked || p.mtCapacity > 0);
      results.replaceChildren(resultTable(state.items));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function communeName(insee) {
    const c = state.communes.find((x) => x.insee === insee);
    return c ? c.name : insee;
  }

  function resultTable(items) {
    const rows = items.map((p) => h('tr', {},
      h('th', { scope: 'row' }, `${p.familyName} ${p.givenName}`), h('td', {}, fmt.professions[p.profession]),
      h('td', {}, [...new Set(p.sites.map((s) => communeName(s.communeInsee)))].join(', ')),
      h('td', {}, p.acceptsSnp ? 'Oui' : 'Non'), h('td', {}, String(p.mtCapacity)),
      h('td', {}, h('button', { type: 'button', class: 'secondary small', 'aria-label': `Modifier ${p.givenName} ${p.familyName}`,
        onclick: () => showEditor(p) }, 'Modifier'))));
    return section(`${items.length} professionnel(s)`, h('table', {}, h('caption', {}, 'Résultats de la recherche'),
      h('thead', {}, h('tr', {}, ['Nom', 'Profession', 'Communes', 'SNP', 'Capacité MT', 'Action'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 6 }, 'Aucun professionnel ne correspond.')))));
  }

  function showEditor(pro) {
    editor.replaceChildren(professionalForm(pro, state.communes, (saved) => { showEditor(saved); search(); }, () => showEditor(null)));
  }
}

function professionalForm(pro, communes, onSaved, onNew) {
  const v = pro || {};
  const c = {
    rpps: h('input', { name: 'rpps', inputmode: 'numeric', value: v.rpps || '', disabled: !!pro, maxlength: 11 }),
    familyName: h('input', { name: 'familyName', value: v.familyName || '' }),
    givenName: h('input', { name: 'givenName', value: v.givenName || '' }),
    profession: h('select', { name: 'profession' }, Object.entries(fmt.professions).map(([k, label]) =>
      h('option', { value: k, selected: v.profession === k }, label))),
    specialty: h('input', { name: 'specialty', value: v.specialty || '' }),
    skills: h('input', { name: 'skills', value: (v.skills || []).join(', ') }),
    phone: h('input', { name: 'phone', type: 'tel', value: v.phone ? fmt.phone(v.phone) : '' }),
    email: h('input', { name: 'email', type: 'email', value: v.email || '' }),
    mtCapacity: h('input', { name: 'mtCapacity', inputmode: 'numeric', value: v.mtCapacity ?? 0, size: 6 }),
  };
  const snp = h('input', { type: 'checkbox', id: uid('snp'), checked: v.acceptsSnp ?? true });
  const over = h('input', { type: 'checkbox', id: uid('surnum'), checked: !!v.acceptsOverbooking });
  const site = {
    'sites[0].name': h('input', { name: 'siteName' }), 'sites[0].address': h('input', { name: 'siteAddress' }),
    'sites[0].communeInsee': h('select', { name: 'siteCommune' }, communes.map((x) => h('option', { value: x.insee }, x.name))),
  };
  const controls = { ...c, ...(pro ? {} : site) };
  const problem = alertBox();
  const done = h('p', { role: 'status', class: 'done' });
  const siteFields = pro ? h('p', {}, `Lieux : ${pro.sites.map((s) => s.name).join(', ')}`)
    : h('fieldset', {}, h('legend', {}, "Lieu d'exercice"), field('Nom du lieu', site['sites[0].name']),
      field('Adresse', site['sites[0].address']), field('Commune du lieu', site['sites[0].communeInsee']));
  const form = h('form', { novalidate: true },
    h('div', { class: 'inline' }, field('RPPS', c.rpps, '11 chiffres'), field('Nom', c.familyName), field('Prénom', c.givenName)),
    h('div', { class: 'inline' }, field('Profession du professionnel', c.profession), field('Spécialité (facultative)', c.specialty)),
    field('Compétences (séparées par des virgules)', c.skills),
    h('div', { class: 'inline' }, field('Téléphone', c.phone), field('E-mail (facultatif)', c.email),
      field('Capacité de nouveaux patients (médecin traitant)', c.mtCapacity)),
    h('p', { class: 'check' }, snp, h('label', { for: snp.id }, 'Accepte des soins non programmés (SNP)')),
    h('p', { class: 'check' }, over, h('label', { for: over.id }, 'Accepte des patients en surnuméraire')),
    siteFields, problem, done,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, pro ? 'Enregistrer les modifications' : 'Créer la fiche'),
      pro ? h('button', { type: 'button', class: 'secondary', onclick: onNew }, 'Nouvelle fiche') : ''));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const capacity = c.mtCapacity.value.trim();
    const body = {
      familyName: c.familyName.value.trim(), givenName: c.givenName.value.trim(), profession: c.profession.value,
      skills: c.skills.value.split(',').map((s) => s.trim()).filter(Boolean), phone: c.phone.value.trim(),
      acceptsSnp: snp.checked, acceptsOverbooking: over.checked, mtCapacity: /^\d+$/.test(capacity) ? Number(capacity) : -1,
      ...(c.specialty.value.trim() || pro ? { specialty: c.specialty.value.trim() } : {}),
      ...(c.email.value.trim() || pro ? { email: c.email.value.trim() } : {}),
    };
    try {
      const saved = pro ? await patch(`/api/v1/professionals/${pro.id}`, body)
        : await post('/api/v1/professionals', { ...body, rpps: c.rpps.value.trim(),
          sites: [{ name: site['sites[0].name'].value.trim(), address: site['sites[0].address'].value.trim(),
            communeInsee: site['sites[0].communeInsee'].value }] });
      paris.showFieldErrors(null, controls, FRENCH, problem);
      onSaved(saved);
    } catch (error) {
      paris.showFieldErrors(error, controls, FRENCH, problem);
    }
  });
  return section(pro ? `Modifier la fiche de ${pro.givenName} ${pro.familyName}` : 'Nouvelle fiche de professionnel', form);
}
