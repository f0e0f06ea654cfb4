// The owner's alerts: the selected robot's history (GET /api/robots/{id}/alerts, newest first)
// kept current by the control socket's `alert` messages; robots with an alert up are marked
// in the list.
import { api } from './api.js';
import { $, el } from './dom.js';

const LABELS = {
  robot_offline: 'Robot offline',
  video_not_live: 'Video not live',
  quality_low: 'Low quality',
  high_rtt: 'High RTT',
};

export class Alerts {
  constructor() {
    this.robotId = null;
    this.history = [];
    this.active = new Map();
  }

  async show(robotId) {
    this.robotId = robotId;
    this.history = [];
    this.render();
    const { alerts } = await api(`/api/robots/${robotId}/alerts`);
    if (this.robotId === robotId) {
      // Frames that arrived on the socket meanwhile are already in the history: keep them once.
      const seen = new Set(this.history.map(key));
      this.history = [...this.history, ...alerts.filter((alert) => !seen.has(key(alert)))];
      this.render();
    }
  }

  /** An `alert` message for robot `robotId`; true when that robot's active alerts changed. */
  arrived(robotId, alert) {
    const up = this.active.get(robotId) ?? new Set();
    if (alert.active) {
      up.add(alert.kind);
    } else {
      up.delete(alert.kind);
    }
    this.active.set(robotId, up);
    if (robotId === this.robotId) {
      this.history = [alert, ...this.history];
      this.render();
    }
  }

  /** How many alerts of the robot are up, as far as this page has heard. */
  count(robotId) {
    return this.active.get(robotId)?.size ?? 0;
  }

  render() {
    const rows = this.history.map((alert) => el('li', { class: 'alert', 'data-active': String(alert.active),
      'data-kind': alert.kind },
    el('span', { class: 'badge' }, alert.active ? 'alert' : 'cleared'),
    ` ${LABELS[alert.kind] ?? alert.kind}: ${alert.message} `,
    el('time', { datetime: new Date(alert.at).toISOString() }, new Date(alert.at).toLocaleTimeString())));
    $('#alerts').replaceChildren(...rows);
    $('#alerts-empty').hidden = rows.length > 0;
  }
}

function key(alert) {
  return `${alert.id}/${alert.active}`;
}
