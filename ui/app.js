// The playroom: the HLS broadcast for everyone, the queue, and driving (with the WebRTC view)
// during your turn. Everything about the queue comes from the control socket's `queue` events.
import { api, streamInfo, token } from './api.js';
import { ControlSocket } from './control.js';
import { $, say, seconds } from './dom.js';
import { DriveControls } from './drive.js';
import { showMetrics, showPresence } from './health.js';
import { HlsPlayer } from './player.js';
import { mountSession } from './session.js';
import { playWhep } from './whep.js';

const page = {
  info: null, user: null, socket: null, queue: null, player: null, live: null, liveStarting: false,
};

const drive = new DriveControls($('#drive'), (action, args) => {
  const seq = page.socket?.command(action, args);
  if (seq === null || seq === undefined) {
    say($('#drive-message'), 'Not connected to the robot.', 'error');
  }
});

async function start() {
  page.info = await streamInfo();
  page.player = new HlsPlayer(page.info.playroomPlaylistUrl, {
    video: $('#broadcast'), quality: $('#quality'), rung: $('#rung'), offline: $('#offline'),
  });
  page.player.start();
  $('#view-mode').textContent = 'Broadcast (HLS)';
  mountSession($('#session'), (user) => {
    page.user = user;
    connect();
  });
  $('#join').addEventListener('click', () => page.socket?.send({ type: 'queue', action: 'join' }));
  $('#leave').addEventListener('click', () => page.socket?.send({ type: 'queue', action: 'leave' }));
  $('#start').addEventListener('click', () => page.socket?.send({ type: 'queue', action: 'ready' }));
  setInterval(tick, 250);
}

function connect() {
  page.socket?.close();
  page.socket = null;
  page.queue = null;
  renderQueue();
  if (page.info.playroomRobot === null || page.info.playroomRobot === undefined) {
    say($('#queue-status'), 'There is no playroom robot yet.', 'error');
    return;
  }
  page.socket = new ControlSocket(page.info.playroomRobot, {
    onOpen: (welcome) => {
      showPresence(welcome.robotOnline);
      // The queue as it stands now; events keep it current from here on.
      if (welcome.user !== undefined) {
        page.socket.send({ type: 'queue', action: 'status' });
      } else {
        api(`/api/robots/${welcome.robot}/queue`, { auth: false }).then((queue) => {
          page.queue = { ...queue, receivedAt: Date.now() };
          renderQueue();
        }, () => {});
      }
    },
    onClose: () => showPresence(false),
    presence: (message) => showPresence(message.online),
    metrics: showMetrics,
    queue: (event) => {
      page.queue = { ...event, receivedAt: Date.now() };
      renderQueue();
    },
    ack: (ack) => {
      if (!ack.ok) {
        say($('#drive-message'), `Robot: ${ack.message ?? 'command refused'}`, 'error');
      }
    },
    error: (error) => say($('#drive-message'), `${error.code}: ${error.message}`, 'error'),
  });
}

function renderQueue() {
  const queue = page.queue;
  const signedIn = Boolean(page.user && token());
  const position = queue?.position;
  const queued = position !== undefined && position !== null;
  $('#join').disabled = !signedIn || !page.socket || queued;
  $('#leave').disabled = !signedIn || !queued;
  $('#position').textContent = !queued ? '-' : position === 0 ? 'driving' : String(position);
  $('#waiting').textContent = String(queue?.length ?? 0);
  $('#driver').textContent = driverText(queue);
  const driving = queued && position === 0 && queue.phase === 'driving';
  const ready = queued && position === 0 && queue.phase === 'ready';
  $('#ready-prompt').hidden = !ready;
  drive.setEnabled(driving);
  if (!signedIn) {
    say($('#queue-status'), 'Sign in to join the queue.');
  } else if (driving) {
    say($('#queue-status'), 'Your turn: drive with the arrow keys or the buttons.');
  } else if (ready) {
    say($('#queue-status'), 'Your turn is ready.');
  } else if (queued) {
    say($('#queue-status'), `You are number ${position} in the queue.`);
  } else {
    say($('#queue-status'), 'Join the queue to drive.');
  }
  liveView(driving);
  tick();
}

function driverText(queue) {
  if (!queue?.driver) {
    return 'nobody';
  }
  const who = queue.position === 0 ? 'you' : `user #${queue.driver}`;
  return queue.phase === 'ready' ? `${who} (getting ready)` : who;
}

function tick() {
  const queue = page.queue;
  const countdown = $('#countdown');
  if (queue?.phase === 'driving' && queue.turnEndsAt) {
    countdown.textContent = `${seconds(queue.turnEndsAt - Date.now())} s`;
    countdown.dataset.endsAt = String(queue.turnEndsAt);
  } else {
    countdown.textContent = '-';
    delete countdown.dataset.endsAt;
  }
  if (queue?.phase === 'ready' && queue.position === 0 && queue.readyBy) {
    $('#ready-text').textContent = `Your turn: press Start within ${seconds(queue.readyBy - Date.now())} s`;
  }
}

/** The driver watches WebRTC (lower latency) and falls back to HLS if it fails. */
async function liveView(driving) {
  const broadcast = $('#broadcast');
  const live = $('#live');
  if (!driving) {
    if (page.live) {
      page.live.close();
      page.live = null;
      live.hidden = true;
      broadcast.hidden = false;
      page.player.start();
    }
    $('#view-mode').textContent = 'Broadcast (HLS)';
    return;
  }
  if (page.live || page.liveStarting) {
    return;
  }
  page.liveStarting = true;
  try {
    const session = await playWhep(live, page.info.playroomWhepUrl, token(), () => {
      page.live = null;
      fallBack('The low-latency view dropped; back to the broadcast.');
    });
    if (!isDriving()) {
      session.close();
      return;
    }
    page.live = session;
    page.player.stop();
    broadcast.hidden = true;
    live.hidden = false;
    $('#view-mode').textContent = 'Live (WebRTC)';
  } catch (e) {
    fallBack(`Low-latency view unavailable (${e.message}); showing the broadcast.`);
  } finally {
    page.liveStarting = false;
  }
}

function isDriving() {
  return page.queue?.position === 0 && page.queue.phase === 'driving';
}

function fallBack(text) {
  $('#live').hidden = true;
  $('#broadcast').hidden = false;
  if (!page.player.hls) {
    page.player.start();
  }
  $('#view-mode').textContent = 'Broadcast (HLS)';
  say($('#drive-message'), text, 'info');
}

start().catch((e) => say($('#offline'), `The playroom cannot start: ${e.message}`, 'error'));
