package io.fleetcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {
    @Test
    void closesInReverseOrderOnceAndReportsEveryFailure() {
        List<String> closed = new ArrayList<>();
        Closer closer = new Closer();
        closer.add(() -> closed.add("input"));
        closer.add(() -> {
            closed.add("decoder");
            throw new IllegalStateException("decoder broke");
        });
        closer.add(null);
        closer.add(() -> {
            closed.add("encoder");
            throw new java.io.IOException("encoder broke");
        });
        assertThatThrownBy(closer::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encoder broke").hasRootCauseMessage("encoder broke")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("decoder broke"));
        closer.close();
        assertThat(closed).containsExactly("encoder", "decoder", "input");
    }

    @Test
    void closeAfterAFailureKeepsThatFailureAsTheReason() {
        List<String> closed = new ArrayList<>();
        Closer closer = new Closer();
        closer.add(() -> closed.add("server"));
        closer.add(() -> {
            throw new IllegalStateException("pool broke");
        });
        RuntimeException startFailed = new RuntimeException("port in use");
        closer.closeAfter(startFailed);
        assertThat(closed).containsExactly("server");
        assertThat(startFailed.getSuppressed()).singleElement()
                .satisfies(e -> assertThat(e).hasRootCauseMessage("pool broke"));
    }

    @Test
    void somethingAddedAfterCloseIsClosedAtOnce() {
        List<String> closed = new ArrayList<>();
        Closer closer = new Closer();
        closer.close();
        closer.add(() -> closed.add("late"));
        assertThat(closed).containsExactly("late");
    }
}
