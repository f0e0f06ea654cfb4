// Driving controls, shared by the playroom and the dashboard: arrows/WASD and on-screen buttons.
// A held key or button repeats its command every 100 ms; releasing it, leaving the window or
// hiding the tab sends `stop` at once, so the robot never keeps going on its own.
import { el } from './dom.js';

const REPEAT_MS = 100;
const MOVES = {
  forward: { linear: 0.5, angular: 0 },
  back: { linear: -0.5, angular: 0 },
  left: { linear: 0, angular: 0.8 },
  right: { linear: 0, angular: -0.8 },
};
const KEYS = {
  ArrowUp: 'forward', KeyW: 'forward',
  ArrowDown: 'back', KeyS: 'back',
  ArrowLeft: 'left', KeyA: 'left',
  ArrowRight: 'right', KeyD: 'right',
};
const LABELS = { forward: 'Forward', back: 'Back', left: 'Left', right: 'Right' };
const ARROWS = { forward: '\u25B2', back: '\u25BC', left: '\u25C0', right: '\u25B6' };

export class DriveControls {
  /** `send(action, args)` delivers one command; the pad goes into `root`. */
  constructor(root, send) {
    this.send = send;
    this.enabled = false;
    this.held = null;
    this.timer = null;
    const buttons = Object.keys(MOVES).map((move) => {
      const button = el('button', { type: 'button', class: `drive ${move}`, 'data-move': move,
        'aria-label': LABELS[move] }, ARROWS[move]);
      button.addEventListener('pointerdown', (event) => {
        event.preventDefault();
        button.setPointerCapture?.(event.pointerId);
        this.hold(move);
      });
      for (const end of ['pointerup', 'pointercancel', 'lostpointercapture']) {
        button.addEventListener(end, () => this.release(move));
      }
      return button;
    });
    const stop = el('button', { type: 'button', class: 'drive stop', 'aria-label': 'Stop' }, 'Stop');
    stop.addEventListener('click', () => this.stop());
    this.buttons = [...buttons, stop];
    this.pad = el('div', { class: 'drive-pad', role: 'group', 'aria-label': 'Driving controls' }, ...this.buttons);
    root.replaceChildren(this.pad);
    this.setEnabled(false);

    window.addEventListener('keydown', (event) => {
      const move = KEYS[event.code];
      if (!move || !this.enabled || isTyping(event.target)) {
        return;
      }
      event.preventDefault();
      if (!event.repeat) {
        this.hold(move);
      }
    });
    window.addEventListener('keyup', (event) => {
      const move = KEYS[event.code];
      if (move) {
        this.release(move);
      }
    });
    window.addEventListener('blur', () => this.stopIfMoving());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') {
        this.stopIfMoving();
      }
    });
  }

  setEnabled(enabled) {
    if (this.enabled && !enabled) {
      this.stopIfMoving();
    }
    this.enabled = enabled;
    this.pad.classList.toggle('disabled', !enabled);
    this.buttons.forEach((button) => { button.disabled = !enabled; });
  }

  hold(move) {
    if (!this.enabled) {
      return;
    }
    this.clearTimer();
    this.held = move;
    this.send('move', MOVES[move]);
    this.timer = setInterval(() => this.send('move', MOVES[move]), REPEAT_MS);
  }

  release(move) {
    if (this.held === move) {
      this.stop();
    }
  }

  stopIfMoving() {
    if (this.held) {
      this.stop();
    }
  }

  stop() {
    this.clearTimer();
    this.held = null;
    if (this.enabled) {
      this.send('stop');
    }
  }

  clearTimer() {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}

function isTyping(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
    || target instanceof HTMLSelectElement;
}
