package io.fleetcast.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.media.Packet;
import io.fleetcast.media.format.InputMedia;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSourceTest {
    @Test
    void writesAPlayableFileWithTheRequestedPicturesAndSound(@TempDir Path dir) {
        Path file = dir.resolve("pattern.ts");
        new SyntheticSource(320, 240, 25, 2, true, 500_000, "ultrafast").writeTo(file);
        try (InputMedia input = new InputMedia(file.toString(), Map.of(), () -> false); Packet packet = new Packet()) {
            int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
            int audio = input.bestStream(AVMEDIA_TYPE_AUDIO);
            assertThat(audio).isNotNegative();
            assertThat(input.stream(video).codecpar().width()).isEqualTo(320);
            int frames = 0;
            int keyframes = 0;
            int sound = 0;
            while (input.read(packet)) {
                if (packet.av().stream_index() == video) {
                    frames++;
                    keyframes += (packet.av().flags() & AV_PKT_FLAG_KEY) != 0 ? 1 : 0;
                } else if (packet.av().stream_index() == audio) {
                    sound++;
                }
                packet.unref();
            }
            assertThat(frames).isEqualTo(50);
            assertThat(keyframes).as("a keyframe every 2 s, not every test picture").isEqualTo(1);
            assertThat(sound).isGreaterThan(80);
        }
    }
}
