// The patient's médecin traitant for a push request (issue 23). The service records none on patients, so the operator
// names them from the directory: a search by name (Entrée or "Chercher"), then one radio button per doctor found,
// beside "Non renseigné" (native radios: Tab to the group, arrows to choose). If they take requests, they are asked
// first, alone (cercle 0).
import { get, query, showProblem } from './api.js';
import { h, field, uid, alertBox } from './dom.js';
import { professions, personName } from './format.js';

/** The picker; value() is the chosen professional's id, or null. */
export function mtPicker() {
  const name = `mt-${uid('g')}`;
  let chosen = null;
  const radio = (value, text, checked) => {
    const input = h('input', { type: 'radio', name, value, id: uid('mt'), checked });
    input.addEventListener('change', () => { if (input.checked) chosen = value || null; });
    return h('div', { class: 'check' }, input, h('label', { for: input.id }, text));
  };
  const search = h('input', { type: 'search', name: 'mtSearch', autocomplete: 'off', maxlength: 100 });
  const find = h('button', { type: 'button', class: 'secondary' }, 'Chercher');
  const status = h('p', { class: 'hint', role: 'status' });
  const problem = alertBox();
  const choices = h('div', { class: 'mt-choices' });
  const none = radio('', 'Non renseigné', true);

  const show = (found) => {
    const kept = chosen ? choices.querySelector(`input[value="${chosen}"]`) : null;
    const rows = found.filter((p) => !kept || p.id !== chosen).map((p) => {
      const site = (p.sites || [])[0];
      return radio(p.id, [`Dr ${personName(p)}`, professions[p.profession] || p.profession,
        site && [site.name, site.address].filter(Boolean).join(', ')].filter(Boolean).join(' — '), false);
    });
    choices.replaceChildren(none, ...(kept ? [kept.parentElement] : []), ...rows);
    status.textContent = found.length === 0 ? "Aucun professionnel de ce nom dans l'annuaire du territoire."
      : `${found.length} ${found.length > 1 ? 'professionnels trouvés' : 'professionnel trouvé'} : choisissez ci-dessous.`;
  };

  const run = async () => {
    const q = search.value.trim();
    problem.replaceChildren();
    if (q.length < 2) {
      status.textContent = 'Tapez au moins deux lettres du nom.';
      return;
    }
    find.disabled = true;
    try {
      const page = await get(`/api/v1/professionals${query({ q, limit: 10 })}`);
      show(page.items || []);
    } catch (error) {
      showProblem(problem, error);
    } finally {
      find.disabled = false;
    }
  };
  find.addEventListener('click', run);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // searches; does not send the request
      run();
    }
  });
  choices.append(none);

  const el = h('fieldset', { class: 'mt-picker' }, h('legend', {}, 'Médecin traitant du patient'),
    h('div', { class: 'mt-search' }, field('Chercher par nom dans l\'annuaire', search,
      'Facultatif. Sollicité en premier, seul, s\'il reçoit les demandes.'), find),
    status, problem, choices);
  return { el, value: () => chosen };
}
