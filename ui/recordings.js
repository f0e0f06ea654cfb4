// The selected robot's recordings of the last 24 hours: a timeline of the recorded spans, the
// list, and playback of a chosen span through hls.js. The VOD playlist is fetched with the
// session token; the segment URLs inside it are signed and short-lived, so they need none.
import Hls from './vendor/hls.mjs';
import { api, token } from './api.js';
import { el, say } from './dom.js';

const WINDOW_MS = 24 * 3600 * 1000;

function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour12: false });
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export class Recordings {
  /** `parts`: {timeline, list, status, video} */
  constructor(parts) {
    this.parts = parts;
    this.robot = null;
    this.hls = null;
  }

  async show(robot) {
    this.stop();
    this.robot = robot;
    const to = new Date();
    const from = new Date(to.getTime() - WINDOW_MS);
    const { timeline, list, status } = this.parts;
    timeline.replaceChildren();
    list.replaceChildren();
    if (robot === null) {
      return;
    }
    let spans;
    try {
      ({ spans } = await api(`/api/robots/${robot}/recordings?from=${from.toISOString()}&to=${to.toISOString()}`));
    } catch (e) {
      say(status, `Recordings cannot be listed: ${e.message}`, 'error');
      return;
    }
    if (this.robot !== robot) {
      return;
    }
    timeline.replaceChildren(...spans.map((span) => this.bar(span, from.getTime())));
    list.replaceChildren(...spans.map((span) => el('li', {},
      el('button', { type: 'button', class: 'secondary', 'data-start': span.start, onclick: () => this.play(span) },
        `${clock(span.start)} - ${clock(span.end)}`),
      ` ${Math.round((new Date(span.end) - new Date(span.start)) / 1000)} s, ${megabytes(span.size)}`)));
    say(status, spans.length ? `${spans.length} recorded span(s) in the last 24 hours; choose one to play it.`
      : 'Nothing recorded in the last 24 hours.');
  }

  /** A span's place on the 24-hour timeline (styles set through the CSSOM, which the CSP allows). */
  bar(span, windowStart) {
    const bar = el('button', { type: 'button', class: 'span', title: `${clock(span.start)} - ${clock(span.end)}`,
      'aria-label': `Play ${clock(span.start)} - ${clock(span.end)}`, onclick: () => this.play(span) });
    const left = Math.max(0, new Date(span.start).getTime() - windowStart) / WINDOW_MS;
    const width = (new Date(span.end) - new Date(span.start)) / WINDOW_MS;
    bar.style.left = `${(left * 100).toFixed(3)}%`;
    bar.style.width = `max(3px, ${(width * 100).toFixed(3)}%)`;
    return bar;
  }

  play(span) {
    this.stop();
    const { video, status } = this.parts;
    if (!Hls.isSupported()) {
      say(status, 'This browser cannot play recordings.', 'error');
      return;
    }
    const hls = new Hls({
      xhrSetup: (xhr, url) => {
        if (new URL(url, window.location.href).pathname.startsWith('/api/')) {
          xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
        }
      },
    });
    this.hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch(() => {}));
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        say(status, `Playback stopped: ${data.details}`, 'error');
        this.stop();
      }
    });
    const range = `from=${encodeURIComponent(span.start)}&to=${encodeURIComponent(span.end)}`;
    hls.loadSource(`/api/robots/${this.robot}/recordings.m3u8?${range}`);
    hls.attachMedia(video);
    video.dataset.span = span.start;
    video.hidden = false;
    say(status, `Playing ${clock(span.start)} - ${clock(span.end)}.`);
  }

  stop() {
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
  }
}
