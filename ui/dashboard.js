// The owner's dashboard: my robots (live or offline), add / rotate / delete, grants, the live
// WebRTC view, driving, the quality plot, the quality override, the recordings and the robot's alerts.
import { Alerts } from './alerts.js';
import { api, ApiError, streamInfo, token } from './api.js';
import { ControlSocket } from './control.js';
import { $, el, say, show } from './dom.js';
import { DriveControls } from './drive.js';
import { Grants } from './grants.js';
import { showMetrics, showPresence } from './health.js';
import { QualityPlot } from './plot.js';
import { Recordings } from './recordings.js';
import { mountSession } from './session.js';
import { playWhep } from './whep.js';

const page = {
  info: null, robots: new Map(), selected: null, live: null, watching: null, plot: null, grants: new Grants(),
  recordings: new Recordings({
    timeline: $('#timeline'), list: $('#recordings'), status: $('#recordings-status'), video: $('#recording'),
  }),
  alerts: new Alerts(),
};

const drive = new DriveControls($('#drive'), (action, args) => {
  const entry = page.robots.get(page.selected);
  if (!entry?.socket.command(action, args)) {
    say($('#drive-message'), 'Not connected to the robot.', 'error');
  }
});

async function start() {
  page.info = await streamInfo();
  page.plot = new QualityPlot($('#plot'));
  mountSession($('#session'), (user) => (user ? loadRobots() : signedOut()));
  $('#add-form').addEventListener('submit', (event) => {
    event.preventDefault();
    addRobot();
  });
  $('#hide-key').addEventListener('click', () => { hideKey(); });
  $('#copy-publish-url').addEventListener('click', copyPublishUrl);
  $('#rotate-key').addEventListener('click', rotateKey);
  $('#delete-robot').addEventListener('click', deleteRobot);
  $('#watch').addEventListener('click', () => watch(page.selected));
  for (const mode of ['cap', 'pin', 'auto']) {
    $(`#quality-${mode}`).addEventListener('click', () => sendQuality(mode));
  }
}

function signedOut() {
  page.robots.forEach((entry) => entry.socket.close());
  page.robots.clear();
  select(null);
  hideKey();
  show($('#robots-panel'), false);
}

async function loadRobots() {
  const robots = await api('/api/robots');
  show($('#robots-panel'), true);
  const ids = new Set(robots.map((robot) => robot.id));
  for (const [id, entry] of page.robots) {
    if (!ids.has(id)) {
      entry.socket.close();
      page.robots.delete(id);
    }
  }
  for (const robot of robots) {
    const entry = page.robots.get(robot.id);
    if (entry) {
      entry.robot = robot;
    } else {
      page.robots.set(robot.id, { robot, online: false, role: null, socket: connect(robot.id) });
    }
  }
  renderList();
  if (!page.robots.has(page.selected)) {
    select(robots.length ? robots[0].id : null);
  }
}

function connect(id) {
  const mine = (handler) => (message) => {
    if (page.selected === id) {
      handler(message);
    }
  };
  return new ControlSocket(id, {
    onOpen: (welcome) => {
      const entry = page.robots.get(id);
      if (entry) {
        entry.online = welcome.robotOnline;
        entry.role = welcome.role;
        renderList();
        mine(renderSelected)();
        watchIfLive(id);
      }
    },
    presence: (message) => {
      const entry = page.robots.get(id);
      if (entry) {
        entry.online = message.online;
        entry.robot.video = message.video ?? entry.robot.video;
        renderList();
        mine(renderSelected)();
        watchIfLive(id);
      }
    },
    metrics: mine((metrics) => {
      showMetrics(metrics);
      page.plot.add(metrics);
    }),
    state: mine((state) => { $('#robot-state').textContent = JSON.stringify(state.data, null, 1); }),
    ack: mine((ack) => {
      if (!ack.ok) {
        say($('#drive-message'), `Robot: ${ack.message ?? 'command refused'}`, 'error');
      }
    }),
    alert: (alert) => {
      page.alerts.arrived(id, alert);
      renderList();
    },
    error: mine((error) => say($('#drive-message'), `${error.code}: ${error.message}`, 'error')),
  });
}

function renderList() {
  $('#robots').replaceChildren(...[...page.robots.values()].map(({ robot, online }) => el('li',
    { 'aria-current': robot.id === page.selected ? 'true' : 'false', 'data-robot': robot.id },
    el('button', { type: 'button', class: 'secondary', onclick: () => select(robot.id) }, robot.name),
    el('span', { class: 'badge', 'data-online': String(online) }, online ? 'live' : 'offline'),
    robot.video?.live ? el('span', { class: 'badge video', title: `video since ${robot.video.since}` }, 'video')
      : null,
    page.alerts.count(robot.id) > 0
      ? el('span', { class: 'badge alerting', title: 'alerts up' }, `${page.alerts.count(robot.id)} alert`) : null)));
}

function select(id) {
  if (page.selected !== id) {
    page.live?.close();
    page.live = null;
    page.plot?.clear();
    $('#robot-state').textContent = '-';
    say($('#drive-message'), '');
    say($('#quality-message'), '');
  }
  if (page.selected !== id) {
    page.recordings.show(id);
  }
  page.selected = id;
  renderList();
  show($('#robot-panel'), id !== null);
  if (id === null) {
    drive.setEnabled(false);
    return;
  }
  renderSelected();
  page.grants.show(id).catch(() => {});
  page.alerts.show(id).catch(() => {});
  say($('#live-status'), 'The robot is offline.');
  $('#live-status').hidden = false;
  watchIfLive(id);
}

function watchIfLive(id) {
  if (page.selected === id && page.robots.get(id)?.online && !page.live && page.watching !== id) {
    watch(id);
  }
}

function renderSelected() {
  const entry = page.robots.get(page.selected);
  if (!entry) {
    return;
  }
  $('#robot-title').textContent = `${entry.robot.name} (robot_${entry.robot.id})`;
  showPresence(entry.online);
  $('#robot-role').textContent = entry.role ? `you are its ${entry.role}` : '';
  drive.setEnabled(entry.online && entry.socket.open);
}

async function watch(id) {
  page.live?.close();
  page.live = null;
  page.watching = id;
  const status = $('#live-status');
  say(status, 'Connecting to the live view...');
  status.hidden = false;
  try {
    const session = await playWhep($('#live'), `${page.info.webrtcBaseUrl}/robot_${id}/whep`, token(), () => {
      page.live = null;
      say(status, 'The live view dropped.', 'error');
      status.hidden = false;
    });
    if (page.selected !== id) {
      session.close();
      return;
    }
    page.live = session;
    status.hidden = true;
  } catch (e) {
    say(status, `No live view: ${e.message}`, 'error');
  } finally {
    if (page.watching === id) {
      page.watching = null;
    }
  }
}

async function addRobot() {
  try {
    const created = await api('/api/robots', { method: 'POST', body: { name: $('#robot-name').value.trim() } });
    $('#robot-name').value = '';
    showKey(created);
    await loadRobots();
    select(created.robot.id);
  } catch (e) {
    say($('#copy-status'), e instanceof ApiError ? e.message : 'cannot reach the service', 'error');
  }
}

/** The key lives only in the page, never in storage: after a reload it is gone for good. */
function showKey({ robot, streamKey }) {
  const host = new URL(page.info.webrtcBaseUrl).hostname;
  $('#stream-key').textContent = streamKey;
  $('#publish-url').textContent = `rtmp://${host}/${robot.path}?user=${robot.path}&pass=${encodeURIComponent(streamKey)}`;
  say($('#copy-status'), '');
  show($('#new-key'), true);
}

function hideKey() {
  $('#stream-key').textContent = '';
  $('#publish-url').textContent = '';
  show($('#new-key'), false);
}

async function copyPublishUrl() {
  try {
    await navigator.clipboard.writeText($('#publish-url').textContent);
    say($('#copy-status'), 'Copied.');
  } catch (e) {
    getSelection().selectAllChildren($('#publish-url'));
    say($('#copy-status'), 'Selected: press Ctrl+C to copy.');
  }
}

async function rotateKey() {
  const rotated = await api(`/api/robots/${page.selected}/key`, { method: 'POST' });
  showKey(rotated);
}

async function deleteRobot() {
  const button = $('#delete-robot');
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = 'Really delete? Click again';
    setTimeout(() => { delete button.dataset.confirm; button.textContent = 'Delete this robot'; }, 5000);
    return;
  }
  delete button.dataset.confirm;
  button.textContent = 'Delete this robot';
  await api(`/api/robots/${page.selected}`, { method: 'DELETE' });
  hideKey();
  select(null);
  await loadRobots();
}

function sendQuality(mode) {
  const entry = page.robots.get(page.selected);
  const message = mode === 'auto' ? { type: 'quality', mode } : { type: 'quality', mode, state: $('#quality-choice').value };
  if (entry?.socket.send(message)) {
    say($('#quality-message'), mode === 'auto' ? 'Quality: automatic.' : `Quality ${mode}: ${message.state}.`);
  } else {
    say($('#quality-message'), 'Not connected to the robot.', 'error');
  }
}

start().catch((e) => say($('#live-status'), `The dashboard cannot start: ${e.message}`, 'error'));
