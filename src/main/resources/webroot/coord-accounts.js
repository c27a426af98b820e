// "Comptes" (issue 14): the coordinator creates accounts for operators, professionals and orienters of their
// territories (a temporary password, changed at first sign-in), resets a password, deactivates an account.
import { get, post, query, showProblem } from './api.js';
import { h, field, section, alertBox, uid } from './dom.js';
import * as paris from './paris.js';

const GRANTABLE = ['OPERATOR', 'PROFESSIONAL', 'ORIENTER'];
const FRENCH = {
  login: 'Identifiant : 3 à 64 caractères, minuscules, chiffres, point, tiret ou souligné, en commençant par une lettre ou un chiffre.',
  password: "Mot de passe provisoire : 12 caractères au moins, ni courant, ni l'identifiant.",
  roles: 'Choisissez le rôle.', territories: 'Cochez au moins un de vos territoires.',
  professionalId: 'Choisissez la fiche du professionnel, qui exerce dans un des territoires cochés.',
};

export function render(main, session) {
  const list = h('div');
  const problem = alertBox();
  main.replaceChildren(h('h1', {}, 'Comptes'), createSection(session, () => load()), section('Comptes de vos territoires', problem, list));

  async function load() {
    try {
      const items = (await get('/api/v1/accounts')).items;
      list.replaceChildren(h('table', {}, h('caption', {}, `${items.length} compte(s)`),
        h('thead', {}, h('tr', {}, ['Identifiant', 'Rôles', 'Territoires', 'État', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, items.map((a) => row(a)))));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function row(a) {
    const own = a.id === session.account.id;
    const state = !a.active ? 'Désactivé' : a.mustChangePassword ? 'Mot de passe à changer' : 'Actif';
    const actions = a.active && !own && !a.roles.includes('ADMIN') ? [
      h('button', { type: 'button', class: 'secondary small', 'aria-label': `Réinitialiser le mot de passe de ${a.login}`, onclick: () => reset(a) },
        'Réinitialiser le mot de passe'),
      h('button', { type: 'button', class: 'secondary small', 'aria-label': `Désactiver ${a.login}`, onclick: () => deactivate(a) }, 'Désactiver'),
    ] : [];
    return h('tr', {}, h('th', { scope: 'row' }, a.login), h('td', {}, a.roles.map((r) => paris.roles[r] || r).join(', ')),
      h('td', {}, a.territories.join(', ')), h('td', {}, state), h('td', {}, h('div', { class: 'actions' }, actions)));
  }

  async function deactivate(a) {
    try {
      await post(`/api/v1/accounts/${a.id}/deactivate`);
      problem.textContent = '';
      await load();
      list.prepend(h('p', { role: 'status', class: 'done' }, `Compte ${a.login} désactivé : ses sessions sont closes.`));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  function reset(a) {
    const password = h('input', { type: 'text', name: 'temporaryPassword', autocomplete: 'off' });
    const box = alertBox();
    const form = h('form', { class: 'panel' }, field(`Mot de passe provisoire pour ${a.login}`, password,
      'À transmettre de vive voix ; la personne le changera à sa prochaine connexion.'), box,
      h('button', { type: 'submit' }, 'Enregistrer le mot de passe provisoire'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await post(`/api/v1/accounts/${a.id}/password-reset`, { password: password.value });
        await load();
        list.prepend(h('p', { role: 'status', class: 'done' }, `Mot de passe de ${a.login} réinitialisé : ses sessions sont closes.`));
      } catch (error) {
        paris.showFieldErrors(error, { password }, FRENCH, box);
      }
    });
    list.prepend(form);
    password.focus();
  }
  load();
  return null;
}

function createSection(session, onCreated) {
  const login = h('input', { name: 'login', autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'text', autocomplete: 'off' });
  const role = h('select', { name: 'role' }, GRANTABLE.map((r) => h('option', { value: r }, paris.roles[r])));
  const territoryBoxes = session.account.territories.map((t, i) => {
    const box = h('input', { type: 'checkbox', value: t, id: uid('terr'), checked: i === 0 });
    return { box, el: h('span', { class: 'check' }, box, h('label', { for: box.id }, t)) };
  });
  const territories = h('fieldset', { id: uid('terrs'), tabindex: '-1' }, h('legend', {}, 'Territoires du compte'), territoryBoxes.map((b) => b.el));
  const professional = h('select', { name: 'professionalId' }, h('option', { value: '' }, '—'));
  const proField = field('Fiche du professionnel', professional);
  proField.hidden = true;
  role.addEventListener('change', () => { proField.hidden = role.value !== 'PROFESSIONAL'; });
  get(`/api/v1/professionals${query({ limit: 200 })}`).then((page) => professional.append(...page.items.map((p) =>
    h('option', { value: p.id }, `${p.familyName} ${p.givenName} (${p.rpps})`)))).catch(() => {});
  const problem = alertBox();
  const done = h('p', { role: 'status', class: 'done' });
  const controls = { login, password, roles: role, territories, professionalId: professional };
  const form = h('form', { novalidate: true }, h('div', { class: 'inline' }, field('Identifiant', login), field('Mot de passe provisoire', password,
    '12 caractères au moins ; la personne le changera à sa première connexion.'), field('Rôle', role)),
  territories, proField, problem, done, h('button', { type: 'submit' }, 'Créer le compte'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    done.textContent = '';
    const body = { login: login.value.trim(), password: password.value, roles: [role.value],
      territories: territoryBoxes.filter((b) => b.box.checked).map((b) => b.box.value),
      ...(role.value === 'PROFESSIONAL' && professional.value ? { professionalId: professional.value } : {}) };
    try {
      const account = await post('/api/v1/accounts', body);
      paris.showFieldErrors(null, controls, FRENCH, problem);
      done.textContent = `Compte ${account.login} créé. Transmettez le mot de passe provisoire de vive voix.`;
      login.value = '';
      password.value = '';
      onCreated();
    } catch (error) {
      paris.showFieldErrors(error, controls, FRENCH, problem);
    }
  });
  return section('Créer un compte', form);
}
