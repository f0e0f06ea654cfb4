// WebRTC playback over WHEP (MediaMTX): one POST of the SDP offer with the bearer token, the
// answer back, and a DELETE of the session URL when done.

const GATHER_MS = 3000;
const CONNECT_MS = 10000;

/**
 * Plays `url` into `video`. Resolves with a session ({close()}) once media flows; rejects when
 * the exchange or the connection fails, so the caller can fall back. `onFail` fires if an
 * established session fails later.
 */
export async function playWhep(video, url, bearer, onFail = () => {}) {
  const peer = new RTCPeerConnection();
  peer.addTransceiver('video', { direction: 'recvonly' });
  peer.addTransceiver('audio', { direction: 'recvonly' });
  const stream = new MediaStream();
  peer.addEventListener('track', (event) => stream.addTrack(event.track));
  let location = null;
  const close = () => {
    peer.close();
    if (location) {
      fetch(location, { method: 'DELETE', headers: authorization(bearer) }).catch(() => {});
      location = null;
    }
  };
  try {
    await peer.setLocalDescription(await peer.createOffer());
    await gathered(peer);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', ...authorization(bearer) },
      body: peer.localDescription.sdp,
    });
    if (response.status !== 201) {
      throw new Error(`WHEP answered ${response.status}`);
    }
    const header = response.headers.get('Location');
    location = header ? new URL(header, url).toString() : null;
    await peer.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    await connected(peer);
  } catch (e) {
    close();
    throw e;
  }
  peer.addEventListener('connectionstatechange', () => {
    if (peer.connectionState === 'failed') {
      close();
      onFail();
    }
  });
  video.srcObject = stream;
  video.play().catch(() => {});
  return { close, peer };
}

function authorization(bearer) {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

function gathered(peer) {
  if (peer.iceGatheringState === 'complete') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      if (peer.iceGatheringState === 'complete') {
        resolve();
      }
    };
    peer.addEventListener('icegatheringstatechange', done);
    setTimeout(resolve, GATHER_MS);
  });
}

function connected(peer) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (peer.connectionState === 'connected') {
        resolve();
      } else if (peer.connectionState === 'failed' || peer.connectionState === 'closed') {
        reject(new Error('WebRTC connection failed'));
      }
    };
    peer.addEventListener('connectionstatechange', check);
    setTimeout(() => reject(new Error('WebRTC connection timed out')), CONNECT_MS);
    check();
  });
}
