// Who the patient is: the caller's number first, else a search by name, birth date or phone, else a new record
// (after offering the records that look like the same person).
import { ApiError, get, post, query, showProblem } from './api.js';
import { h, section, field, alertBox } from './dom.js';
import * as fmt from './format.js';

let communes = null;
async function communeOptions() {
  if (!communes) {
    const list = await get('/api/v1/territories');
    communes = (list.items || list).flatMap((t) => t.communes || [])
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
  return communes;
}

function describe(p) {
  return `${fmt.personName(p)}, né(e) le ${fmt.birthDate(p.birthDate)}, ${fmt.phone(p.phone)}`;
}

export function choosePatient(root, { phone, candidates = [], onChosen }) {
  const chosen = (patient) => {
    root.replaceChildren(section('Patient',
      h('p', { class: 'patient-card' }, describe(patient)),
      h('button', { type: 'button', class: 'secondary', onclick: () => searchScreen() }, 'Changer de patient')));
    onChosen(patient);
  };
  const pickList = (patients, label) => h('ul', { class: 'choices', 'aria-label': label }, patients.map((p) =>
    h('li', {}, h('span', {}, describe(p)), ' ',
      h('button', { type: 'button', onclick: () => chosen(p), 'aria-label': `Choisir ${fmt.personName(p)}` }, 'Choisir'))));

  const searchScreen = () => {
    const familyName = h('input', { name: 'familyName', autocomplete: 'off' });
    const birthDate = h('input', { name: 'birthDate', inputmode: 'numeric', autocomplete: 'off' });
    const phoneInput = h('input', { name: 'phone', type: 'tel', value: phone && phone !== 'unknown' ? fmt.phone(phone) : '' });
    const results = h('div', { 'aria-live': 'polite' });
    const problem = alertBox();
    const form = h('form', { class: 'inline' }, field('Nom de famille', familyName), field('Date de naissance (jj/mm/aaaa)', birthDate),
      field('Téléphone', phoneInput), h('button', { type: 'submit' }, 'Rechercher'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const born = birthDate.value ? fmt.parseFrenchDate(birthDate.value) : '';
        if (born === null) throw new ApiError({ title: 'Date de naissance à écrire jj/mm/aaaa, par exemple 17/05/1984.' });
        const found = familyName.value || born
          ? await get(`/api/v1/patients${query({ familyName: familyName.value, birthDate: born })}`)
          : await get(`/api/v1/patients${query({ phone: phoneInput.value })}`);
        results.replaceChildren(found.items.length ? pickList(found.items, 'Patients trouvés')
          : h('p', {}, 'Aucun patient trouvé.'));
      } catch (error) {
        showProblem(problem, error);
      }
    });
    root.replaceChildren(section('Patient',
      candidates.length ? [h('p', {}, 'Patients connus à ce numéro :'), pickList(candidates, 'Patients connus à ce numéro')] : '',
      form, problem, results,
      h('button', { type: 'button', class: 'secondary', onclick: () => createForm(root, phoneInput.value, chosen, searchScreen) },
        'Nouveau patient')));
    familyName.focus();
  };

  if (candidates.length === 1) chosen(candidates[0]);
  else searchScreen();
}

async function createForm(root, phone, chosen, back) {
  const familyName = h('input', { name: 'familyName', required: true, autocomplete: 'off' });
  const givenName = h('input', { name: 'givenName', required: true, autocomplete: 'off' });
  const birthDate = h('input', { name: 'birthDate', required: true, inputmode: 'numeric', autocomplete: 'off' });
  const phoneInput = h('input', { name: 'phone', type: 'tel', required: true, value: phone || '' });
  const commune = h('select', { name: 'communeInsee', required: true }, h('option', { value: '' }, '— choisir —'),
    (await communeOptions()).map((c) => h('option', { value: c.insee }, `${c.name} (${c.postcode})`)));
  const sex = h('select', { name: 'sex' }, h('option', { value: '' }, 'non précisé'),
    h('option', { value: 'F' }, 'Femme'), h('option', { value: 'M' }, 'Homme'));
  const hasMt = h('input', { name: 'hasMt', type: 'checkbox', id: 'new-patient-has-mt' });
  const problem = alertBox();
  const duplicates = h('div', { 'aria-live': 'polite' });
  let confirmed = false;
  const form = h('form', {}, field('Nom de famille', familyName), field('Prénom', givenName),
    field('Date de naissance (jj/mm/aaaa)', birthDate), field('Téléphone', phoneInput), field('Commune', commune), field('Sexe', sex),
    h('div', { class: 'check' }, hasMt, h('label', { for: hasMt.id }, 'A un médecin traitant')),
    problem, duplicates, h('button', { type: 'submit' }, 'Créer la fiche'));
  const born = () => {
    const iso = fmt.parseFrenchDate(birthDate.value);
    if (!iso) throw new ApiError({ title: 'Date de naissance à écrire jj/mm/aaaa, par exemple 17/05/1984.' });
    return iso;
  };
  const create = async () => {
    const patient = await post('/api/v1/patients', {
      familyName: familyName.value, givenName: givenName.value, birthDate: born(), phone: phoneInput.value,
      communeInsee: commune.value, ...(sex.value ? { sex: sex.value } : {}), hasMt: hasMt.checked,
    });
    chosen(patient);
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      if (!confirmed) {
        const same = await get(`/api/v1/patients${query({ familyName: familyName.value, birthDate: born() })}`);
        if (same.items.length) {
          confirmed = true;
          duplicates.replaceChildren(h('p', { role: 'alert' }, 'Une fiche existe peut-être déjà pour cette personne :'),
            h('ul', { class: 'choices' }, same.items.map((p) => h('li', {}, describe(p), ' ',
              h('button', { type: 'button', onclick: () => chosen(p) }, 'Utiliser cette fiche')))),
            h('p', {}, 'Si ce n\'est pas la même personne, appuyez à nouveau sur « Créer la fiche ».'));
          return;
        }
      }
      await create();
    } catch (error) {
      showProblem(problem, error);
    }
  });
  root.replaceChildren(section('Nouveau patient', form,
    h('button', { type: 'button', class: 'secondary', onclick: back }, 'Revenir à la recherche')));
  familyName.focus();
}
