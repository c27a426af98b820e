// The first sign-in of an account someone else created: its owner chooses their own password before any screen
// (the service answers PASSWORD_CHANGE_REQUIRED to everything else until then).
import { post, ApiError } from './api.js';
import { h, field, alertBox } from './dom.js';

const MIN_LENGTH = 12;
const LABELS = { currentPassword: 'Mot de passe actuel', newPassword: 'Nouveau mot de passe' };
// The service's field messages are in English (API); the person reads them in French.
const MESSAGES = {
  'must be at least 12 characters': `doit compter au moins ${MIN_LENGTH} caractères`,
  'is a common password: choose another one': 'est un mot de passe trop courant : choisissez-en un autre',
  'must not be the login': "ne doit pas être votre identifiant",
  'must differ from the current password': 'doit être différent du mot de passe actuel',
  'is not the current password': "n'est pas votre mot de passe actuel",
};

export function renderPasswordChange(main, account, onChanged) {
  const current = h('input', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true });
  const chosen = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true,
    minlength: MIN_LENGTH });
  const again = h('input', { name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password', required: true });
  const problem = alertBox();
  const form = h('form', { class: 'panel narrow' },
    field('Mot de passe actuel', current, 'Celui qui vous a été donné avec votre compte.'),
    field('Nouveau mot de passe', chosen, `Au moins ${MIN_LENGTH} caractères, ni votre identifiant ni un mot de passe courant.`),
    field('Nouveau mot de passe, une seconde fois', again), problem,
    h('button', { type: 'submit' }, 'Enregistrer mon mot de passe'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (chosen.value !== again.value) {
      say(problem, 'Les deux saisies du nouveau mot de passe sont différentes.');
      again.focus();
      return;
    }
    try {
      await post('/api/v1/auth/password', { currentPassword: current.value, newPassword: chosen.value });
      onChanged();
    } catch (error) {
      say(problem, error instanceof ApiError ? error.message : 'Une erreur inattendue est survenue.',
        error instanceof ApiError ? error.errors : []);
    }
  });
  document.title = 'Nouveau mot de passe — Aiguillage';
  main.replaceChildren(h('h1', {}, 'Choisissez votre mot de passe'),
    h('p', {}, `Bienvenue, ${account.login}. Votre compte a été créé par la coordination : avant d'utiliser la console, `
      + 'remplacez le mot de passe reçu par un mot de passe que vous seul(e) connaissez.'),
    form);
  current.focus();
}

function say(container, title, errors = []) {
  container.replaceChildren(h('p', {}, title), errors.length ? h('ul', {}, errors.map((e) =>
    h('li', {}, `${LABELS[e.field] || e.field} : ${MESSAGES[e.message] || e.message}`))) : '');
}
