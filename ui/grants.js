// Who else may view or drive a robot: grants by user name.
import { api, ApiError } from './api.js';
import { $, el, say } from './dom.js';

export class Grants {
  constructor() {
    this.robotId = null;
    $('#grant-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const user = $('#grant-user').value.trim();
      const permission = $('#grant-permission').value;
      try {
        await api(`/api/robots/${this.robotId}/permissions`, { method: 'POST', body: { user, permission } });
        $('#grant-user').value = '';
        say($('#grant-message'), `${user} may ${permission} now.`);
        await this.load();
      } catch (e) {
        say($('#grant-message'), e instanceof ApiError ? e.message : 'cannot reach the service', 'error');
      }
    });
  }

  async show(robotId) {
    this.robotId = robotId;
    say($('#grant-message'), '');
    await this.load();
  }

  async load() {
    const grants = await api(`/api/robots/${this.robotId}/permissions`);
    $('#grants').replaceChildren(...grants.map((grant) => el('tr', {},
      el('td', {}, grant.user),
      el('td', {}, grant.permission),
      el('td', {}, el('button', { type: 'button', class: 'secondary revoke',
        'aria-label': `Revoke ${grant.permission} from ${grant.user}`,
        onclick: () => this.revoke(grant) }, 'Revoke')))));
  }

  async revoke(grant) {
    try {
      await api(`/api/robots/${this.robotId}/permissions/${encodeURIComponent(grant.user)}/${grant.permission}`,
        { method: 'DELETE' });
      say($('#grant-message'), `${grant.user} may no longer ${grant.permission}.`);
      await this.load();
    } catch (e) {
      say($('#grant-message'), e instanceof ApiError ? e.message : 'cannot reach the service', 'error');
    }
  }
}
