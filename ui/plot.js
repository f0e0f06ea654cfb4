// The robot's quality over time (uPlot): bitrate and measured throughput in kbit/s, RTT in ms,
// and the quality state as a step line (VERY_LOW .. HIGH).
import uPlot from './vendor/uPlot.esm.js';

const STATES = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH'];
const KEEP = 600;

export class QualityPlot {
  constructor(root) {
    this.root = root;
    this.data = [[], [], [], [], []];
    const width = Math.max(280, root.clientWidth || 600);
    this.plot = new uPlot({
      width,
      height: 240,
      series: [
        {},
        { label: 'bitrate kbit/s', stroke: '#1f5fd1', scale: 'kbps' },
        { label: 'throughput kbit/s', stroke: '#2e7d32', scale: 'kbps' },
        { label: 'RTT ms', stroke: '#b3261e', scale: 'ms' },
        { label: 'state', stroke: '#8e24aa', scale: 'state', paths: uPlot.paths.stepped({ align: 1 }),
          value: (u, v) => (v === null || v === undefined ? '-' : STATES[v]) },
      ],
      scales: { state: { range: [0, 3] } },
      axes: [
        {},
        { scale: 'kbps', label: 'kbit/s' },
        { scale: 'ms', side: 1, label: 'ms', grid: { show: false } },
      ],
    }, this.data, root);
    this.root.dataset.points = '0';
    // Created while its panel may be hidden: follow the panel's width from then on.
    new ResizeObserver(() => {
      if (root.clientWidth > 0 && root.clientWidth !== this.plot.width) {
        this.plot.setSize({ width: root.clientWidth, height: 240 });
      }
    }).observe(root);
  }

  add(metrics) {
    const at = (metrics.at || Date.now()) / 1000;
    const state = STATES.indexOf(metrics.quality?.state);
    const row = [at, metrics.quality?.bitrateKbps ?? null, metrics.network?.throughputKbps ?? null,
      metrics.network?.rttMs ?? null, state < 0 ? null : state];
    row.forEach((value, i) => this.data[i].push(value));
    if (this.data[0].length > KEEP) {
      this.data.forEach((column) => column.shift());
    }
    this.plot.setData(this.data);
    this.root.dataset.points = String(this.data[0].length);
  }

  clear() {
    this.data = [[], [], [], [], []];
    this.plot.setData(this.data);
    this.root.dataset.points = '0';
  }
}
