package io.fleetcast.media;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NativeOwnerTest {
    @Test
    void nativeOwnersAreSafeToCloseTwice() {
        Frame frame = new Frame();
        Packet packet = new Packet();
        Options options = new Options(java.util.Map.of("preset", "fast"));
        frame.close();
        frame.close();
        packet.close();
        packet.close();
        options.close();
        options.close();
        assertThatThrownBy(frame::av).hasMessageContaining("freed");
    }
}
