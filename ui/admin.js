// The operators' page: the playroom queue (skip, clear), auth decisions and sockets from
// /api/admin/metrics (the service's Prometheus text; /metrics itself is internal), users
// (disable / enable) and every robot.
import { api, ApiError, token } from './api.js';
import { ControlSocket } from './control.js';
import { $, el, say, show } from './dom.js';
import { mountSession } from './session.js';

const page = { users: new Map(), socket: null, metricsTimer: null };

function start() {
  mountSession($('#session'), (user) => {
    const operator = user?.role === 'operator';
    show($('#admin'), operator);
    say($('#admin-message'), user && !operator ? 'This page is for operators.' : '', 'error');
    page.socket?.close();
    page.socket = null;
    clearInterval(page.metricsTimer);
    if (operator) {
      load().catch(failed);
      page.metricsTimer = setInterval(() => loadMetrics().catch(failed), 5000);
    }
  });
  $('#skip-driver').addEventListener('click', () => override('skip', 'The driver was skipped.'));
  $('#clear-queue').addEventListener('click', () => override('clear', 'The queue was cleared.'));
  $('#refresh-metrics').addEventListener('click', () => loadMetrics().catch(failed));
}

function failed(e) {
  say($('#admin-message'), e instanceof ApiError ? e.message : `cannot reach the service (${e.message})`, 'error');
}

async function load() {
  await loadUsers();
  await Promise.all([loadRobots(), loadPlayroom(), loadMetrics()]);
}

async function loadUsers() {
  const users = await api('/api/admin/users');
  page.users = new Map(users.map((user) => [user.id, user]));
  $('#users').replaceChildren(...users.map((user) => el('tr', { 'data-user': user.id },
    el('td', {}, String(user.id)), el('td', {}, user.name), el('td', {}, user.role),
    el('td', {}, el('button', { type: 'button', class: user.disabled ? 'secondary' : 'danger',
      'aria-label': `${user.disabled ? 'Enable' : 'Disable'} ${user.name}`,
      onclick: () => setDisabled(user, !user.disabled) }, user.disabled ? 'Enable' : 'Disable')))));
}

async function setDisabled(user, disabled) {
  try {
    await api(`/api/admin/users/${user.id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
    await loadUsers();
  } catch (e) {
    failed(e);
  }
}

async function loadRobots() {
  const robots = await api('/api/admin/robots');
  $('#robots').replaceChildren(...robots.map((robot) => el('tr', {},
    el('td', {}, String(robot.id)), el('td', {}, robot.name), el('td', {}, nameOf(robot.ownerId)),
    el('td', {}, robot.kind))));
}

function nameOf(id) {
  return page.users.get(id)?.name ?? `user #${id}`;
}

async function loadPlayroom() {
  let queue;
  try {
    queue = await api('/api/admin/playroom');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      $('#playroom-robot').textContent = 'none yet';
      return;
    }
    throw e;
  }
  renderPlayroom(queue);
  if (!page.socket) {
    // Queue events keep this view current without polling.
    page.socket = new ControlSocket(queue.robot, { queue: () => loadPlayroom().catch(failed) });
  }
}

function renderPlayroom(queue) {
  $('#playroom-robot').textContent = `robot_${queue.robot}`;
  $('#playroom-driver').textContent = queue.driver ? nameOf(queue.driver) : 'nobody';
  $('#playroom-phase').textContent = queue.phase ?? '-';
  $('#playroom-waiting').textContent = queue.waiting.length ? queue.waiting.map(nameOf).join(', ') : 'nobody';
  $('#skip-driver').disabled = !queue.driver;
  $('#clear-queue').disabled = !queue.driver && !queue.waiting.length;
}

async function override(action, done) {
  try {
    renderPlayroom(await api(`/api/admin/playroom/${action}`, { method: 'POST' }));
    say($('#playroom-message'), done);
  } catch (e) {
    failed(e);
  }
}

async function loadMetrics() {
  const response = await fetch('/api/admin/metrics', { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) {
    throw new ApiError(response.status, 'error', `metrics: ${response.status} ${response.statusText}`);
  }
  const text = await response.text();
  const rows = [];
  let sockets = '-';
  for (const line of text.split('\n')) {
    const decision = line.match(/^fleetcast_auth_decisions_total\{(.*)\}\s+(\S+)/);
    if (decision && Number(decision[2]) > 0) {
      const labels = Object.fromEntries([...decision[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      rows.push([labels.action, labels.result, Number(decision[2])]);
    }
    const open = line.match(/^fleetcast_control_sockets(?:\{.*\})?\s+(\S+)/);
    if (open) {
      sockets = String(Number(open[1]));
    }
  }
  $('#sockets').textContent = sockets;
  rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const empty = el('tr', {}, el('td', { colspan: '3' }, 'No decisions yet.'));
  $('#decisions').replaceChildren(...(rows.length ? rows.map(([action, result, count]) => el('tr', {},
    el('td', {}, action), el('td', {}, result), el('td', {}, String(count)))) : [empty]));
}

start();
