package io.fleetcast.media.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.media.MediaException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InterruptsTest {
    @Test
    void everyListeningInputReturnsWhenInterruptedHoweverManyCameBefore() throws Exception {
        // JavaCPP has ten native thunks per callback class: the eleventh callback object was never called.
        for (int i = 0; i < 25; i++) {
            AtomicBoolean interrupted = new AtomicBoolean();
            CompletableFuture<Long> returned = listen(freePort(), interrupted);
            Thread.sleep(30);
            long start = System.nanoTime();
            interrupted.set(true);
            returned.get(2, TimeUnit.SECONDS);
            assertThat((System.nanoTime() - start) / 1_000_000).as("input " + i).isLessThan(1000);
        }
    }

    @Test
    void manyInputsAtOnceEachObeyTheirOwnInterrupt() throws Exception {
        List<AtomicBoolean> flags = new ArrayList<>();
        List<CompletableFuture<Long>> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            flags.add(new AtomicBoolean());
            inputs.add(listen(freePort(), flags.get(i)));
        }
        Thread.sleep(200);
        flags.get(11).set(true);
        inputs.get(11).get(2, TimeUnit.SECONDS);
        assertThat(inputs.subList(0, 11)).as("the others still listen").noneMatch(CompletableFuture::isDone);
        flags.forEach(flag -> flag.set(true));
        for (CompletableFuture<Long> input : inputs) {
            input.get(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void anInterruptedOutputOpenFailsAtOnce() {
        assertThatThrownBy(() -> new OutputMedia("flv", "rtmp://127.0.0.1:" + freePort() + "/app/key", Map.of(),
                () -> true).close()).isInstanceOf(MediaException.class);
    }

    /** A TCP input listening on {@code port} on its own thread; completes (with the time) when the open returns. */
    private static CompletableFuture<Long> listen(int port, AtomicBoolean interrupted) {
        CompletableFuture<Long> returned = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (InputMedia input = new InputMedia("tcp://127.0.0.1:" + port, Map.of("listen", "1"), interrupted::get)) {
                returned.completeExceptionally(new AssertionError("nobody connected, yet it opened"));
            } catch (MediaException e) {
                returned.complete(System.nanoTime());
            }
        });
        return returned;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
