// The robot's state and quality as `metrics` and `presence` frames report them.
import { $ } from './dom.js';

export function showPresence(online) {
  const node = $('#robot-online');
  node.textContent = online ? 'live' : 'offline';
  node.dataset.online = String(online);
}

export function showMetrics(metrics) {
  $('#quality-state').textContent = metrics.quality?.state ?? '-';
  $('#bitrate').textContent = metrics.quality ? `${metrics.quality.bitrateKbps} kbit/s` : '-';
  const network = metrics.network;
  $('#uplink').textContent = network
    ? `${network.throughputKbps} kbit/s, RTT ${network.rttMs} ms, loss ${network.lossPct ?? 0} %`
    : '-';
}
