// The control socket (control-service PROTOCOL.md, v1): reconnects on its own with backoff.
import { rememberToken, token } from './api.js';

const REVOKED = 4401;

export class ControlSocket {
  /** `handlers` maps message types to functions; `onOpen(welcome)` and `onClose()` are optional. */
  constructor(robotId, handlers = {}) {
    this.robotId = robotId;
    this.handlers = handlers;
    this.seq = 0;
    this.delay = 500;
    this.closed = false;
    this.socket = null;
    this.connect();
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const current = token();
    const protocols = current ? ['fleetcast.v1', `bearer.${current}`] : ['fleetcast.v1'];
    const socket = new WebSocket(`${scheme}://${location.host}/control/robot_${this.robotId}`, protocols);
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) {
        return;
      }
      this.handlers.onClose?.();
      if (event.code === REVOKED) {
        rememberToken(null);
        window.dispatchEvent(new CustomEvent('fleetcast:signed-out'));
        return;
      }
      if (!this.closed) {
        setTimeout(() => this.closed || this.connect(), this.delay);
        this.delay = Math.min(this.delay * 2, 10000);
      }
    });
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (message.type === 'welcome') {
      this.delay = 500;
      this.handlers.onOpen?.(message);
    }
    this.handlers[message.type]?.(message);
  }

  get open() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  send(message) {
    if (!this.open) {
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Sends a command; returns its seq (ack and error frames carry it back). */
  command(action, args) {
    this.seq += 1;
    const message = { type: 'command', seq: this.seq, action };
    if (args) {
      message.args = args;
    }
    return this.send(message) ? this.seq : null;
  }

  close() {
    this.closed = true;
    this.socket?.close(1000);
  }
}
