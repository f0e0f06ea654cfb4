package io.fleetcast.control.ui;

/**
 * The far end of the WHEP tests: a page that draws a moving picture on a canvas, and answers
 * each offer the stand-in relays with that canvas as a WebRTC video track. It counts the
 * answers it sent in {@code window.answered}.
 */
final class PublisherPage {
    static final String HTML = """
            <!doctype html>
            <html><body>
            <canvas id="c" width="320" height="180"></canvas>
            <script>
            const canvas = document.getElementById('c');
            const g = canvas.getContext('2d');
            let frame = 0;
            setInterval(() => {
              frame++;
              g.fillStyle = `hsl(${frame * 7 % 360}, 80%, 50%)`;
              g.fillRect(0, 0, 320, 180);
              g.fillStyle = '#fff';
              g.fillRect(frame * 4 % 320, 60, 40, 60);
            }, 33);
            const stream = canvas.captureStream(30);
            window.answered = 0;
            async function serve() {
              for (;;) {
                const offer = await fetch('/publisher/offer');
                if (offer.status !== 200) continue;
                const peer = new RTCPeerConnection();
                await peer.setRemoteDescription({ type: 'offer', sdp: await offer.text() });
                stream.getTracks().forEach((track) => peer.addTrack(track, stream));
                await peer.setLocalDescription(await peer.createAnswer());
                await new Promise((resolve) => {
                  if (peer.iceGatheringState === 'complete') return resolve();
                  peer.addEventListener('icegatheringstatechange', () => {
                    if (peer.iceGatheringState === 'complete') resolve();
                  });
                  setTimeout(resolve, 3000);
                });
                await fetch('/publisher/answer', { method: 'POST', body: peer.localDescription.sdp });
                window.answered++;
              }
            }
            serve();
            </script>
            </body></html>
            """;

    private PublisherPage() {
    }
}
