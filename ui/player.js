// The playroom broadcast through hls.js: a quality menu with "auto", the rung playing now, and
// an "offline" state while there is nothing to play; it retries on its own.
import Hls from './vendor/hls.mjs';

const RETRY_MS = 3000;

export class HlsPlayer {
  /** `parts`: {video, quality (select), rung (output), offline (element)} */
  constructor(url, parts) {
    this.url = url;
    this.parts = parts;
    this.hls = null;
    this.retry = null;
    parts.quality.addEventListener('change', () => {
      if (this.hls) {
        this.hls.currentLevel = Number(parts.quality.value);
      }
    });
  }

  start() {
    this.stop();
    if (!Hls.isSupported()) {
      this.offline('This browser cannot play the broadcast.');
      return;
    }
    const hls = new Hls({ liveDurationInfinity: true, manifestLoadingMaxRetry: 1 });
    this.hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, (event, data) => {
      this.menu(data.levels);
      this.parts.offline.hidden = true;
      this.parts.video.play().catch(() => {});
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (event, data) => this.showRung(hls.levels[data.level]));
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        this.offline('Offline: the robot is not broadcasting right now.');
        this.stop();
        this.retry = setTimeout(() => this.start(), RETRY_MS);
      }
    });
    hls.loadSource(this.url);
    hls.attachMedia(this.parts.video);
  }

  menu(levels) {
    const options = [new Option('Auto', '-1')];
    // hls.js lists rungs from the lowest bitrate up; the menu shows the best first.
    levels.map((level, index) => ({ level, index }))
      .sort((a, b) => b.level.height - a.level.height || b.level.bitrate - a.level.bitrate)
      .forEach(({ level, index }) => options.push(new Option(`${level.height}p`, String(index))));
    this.parts.quality.replaceChildren(...options);
    this.parts.quality.value = '-1';
    this.parts.quality.disabled = false;
  }

  showRung(level) {
    if (level) {
      this.parts.rung.textContent = `${level.width}x${level.height}, ${Math.round(level.bitrate / 1000)} kbit/s`;
      this.parts.rung.dataset.height = String(level.height);
    }
  }

  offline(text) {
    this.parts.offline.textContent = text;
    this.parts.offline.hidden = false;
    this.parts.rung.textContent = '';
    this.parts.quality.disabled = true;
  }

  /** Stops playing (the WebRTC view takes over while driving, or the page leaves). */
  stop() {
    this.parts.rung.textContent = '';
    clearTimeout(this.retry);
    this.retry = null;
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
  }
}
