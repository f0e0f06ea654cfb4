// Sign in, create an account, sign out: the same panel on every page.
import { api, ApiError, rememberToken, token } from './api.js';
import { el, say } from './dom.js';

/**
 * Renders the account panel into `root` and calls `onUser(user)` with the signed-in user, or
 * null after signing out (also when the service says the token no longer counts).
 */
export function mountSession(root, onUser) {
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const name = el('input', { id: 'session-name', name: 'name', autocomplete: 'username', required: true });
  const password = el('input', { id: 'session-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const signIn = el('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const create = el('button', { type: 'button', id: 'create-account', class: 'secondary' }, 'Create account');
  const form = el('form', { class: 'session-form', 'aria-label': 'Sign in' },
    el('label', { for: 'session-name' }, 'Name'), name,
    el('label', { for: 'session-password' }, 'Password'), password,
    el('div', { class: 'buttons' }, signIn, create));
  const who = el('span', { id: 'signed-in-as' });
  const signOut = el('button', { type: 'button', id: 'sign-out', class: 'secondary' }, 'Sign out');
  const signedIn = el('div', { class: 'signed-in' }, who, signOut);
  root.replaceChildren(form, signedIn, status);

  function render(user) {
    form.hidden = Boolean(user);
    signedIn.hidden = !user;
    who.textContent = user ? `Signed in as ${user.name}` : '';
    onUser(user);
  }

  async function login() {
    const answer = await api('/api/login', { method: 'POST', auth: false,
      body: { name: name.value.trim(), password: password.value } });
    rememberToken(answer.token);
    password.value = '';
    say(status, '');
    render(answer.user);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await login();
    } catch (e) {
      say(status, e instanceof ApiError ? e.message : 'cannot reach the service', 'error');
    }
  });
  create.addEventListener('click', async () => {
    if (!form.reportValidity()) {
      return;
    }
    try {
      await api('/api/users', { method: 'POST', auth: false,
        body: { name: name.value.trim(), password: password.value } });
      await login();
    } catch (e) {
      say(status, e instanceof ApiError ? e.message : 'cannot reach the service', 'error');
    }
  });
  signOut.addEventListener('click', async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch (e) {
      // the token is forgotten either way
    }
    rememberToken(null);
    render(null);
  });
  window.addEventListener('fleetcast:signed-out', () => {
    say(status, 'Your session ended: sign in again.', 'error');
    render(null);
  });

  if (token()) {
    api('/api/me').then(render, () => render(null));
  } else {
    render(null);
  }
}
