package io.fleetcast.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {
    @Test
    void closesInReverseOrderOnceEvenWhenOneFails() {
        List<String> closed = new ArrayList<>();
        Closer closer = new Closer();
        closer.add(() -> closed.add("input"));
        closer.add(() -> {
            closed.add("decoder");
            throw new IllegalStateException("decoder broke");
        });
        closer.add(null);
        closer.add(() -> closed.add("encoder"));
        assertThatThrownBy(closer::close).hasRootCauseMessage("decoder broke");
        closer.close();
        assertThat(closed).containsExactly("encoder", "decoder", "input");
    }

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
