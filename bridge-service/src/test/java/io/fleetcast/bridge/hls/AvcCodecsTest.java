package io.fleetcast.bridge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class AvcCodecsTest {
    @Test
    void readsProfileAndLevelFromTheSequenceParameterSet() {
        byte[] annexB = {0, 0, 0, 1, 0x09, (byte) 0xf0, 0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, (byte) 0xac, 0, 0, 1, 0x68};
        assertThat(AvcCodecs.fromAnnexB(ByteBuffer.wrap(annexB))).isEqualTo("avc1.640028");
    }

    @Test
    void saysNothingWithoutSequenceParameterSet() {
        byte[] slice = {0, 0, 0, 1, 0x41, (byte) 0x9a, 0x12, 0x34, 0x56, 0x78};
        assertThat(AvcCodecs.fromAnnexB(ByteBuffer.wrap(slice))).isNull();
    }
}
