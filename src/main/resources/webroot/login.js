// Sign-in: the service answers with an HttpOnly cookie; this page never sees a token.
import { post, showProblem } from './api.js';
import { h, field, alertBox } from './dom.js';

export function renderLogin(main, onSignedIn, message) {
  const login = h('input', { name: 'login', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const problem = alertBox();
  const form = h('form', { class: 'panel narrow' },
    field('Identifiant', login), field('Mot de passe', password), problem,
    h('button', { type: 'submit' }, 'Se connecter'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const session = await post('/api/v1/auth/session', { login: login.value, password: password.value });
      onSignedIn(session.account, session.mustChangePassword);
    } catch (error) {
      showProblem(problem, error);
    }
  });
  main.replaceChildren(h('h1', {}, 'Connexion'), message ? h('p', { role: 'status' }, message) : '', form);
  login.focus();
}
