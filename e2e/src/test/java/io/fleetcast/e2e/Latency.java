package io.fleetcast.e2e;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The latencies MISSION.md sets targets for, measured on a running {@link Stack}: a command
 * from the user's send to the private robot's software, and glass to glass with the synthetic
 * scene's capture-time strip (capture to decoded at the bridge's input, capture to decoded
 * from an HLS rung as a spectator's player gets it).
 */
final class Latency {
    /** Milliseconds per measurement of each path. */
    record Figures(List<Long> commandToRobot, List<Long> captureToBridge, List<Long> captureToHls) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "command -> robot software p50 %d ms, p95 %d ms (%d);"
                            + " capture -> bridge input p50 %d ms, p95 %d ms (%d); capture -> HLS decoded p50 %d ms,"
                            + " p95 %d ms (%d)", Percentiles.of(commandToRobot, 50), Percentiles.of(commandToRobot, 95), commandToRobot.size(),
                    Percentiles.of(captureToBridge, 50), Percentiles.of(captureToBridge, 95), captureToBridge.size(), Percentiles.of(captureToHls, 50),
                    Percentiles.of(captureToHls, 95), captureToHls.size());
        }
    }

    private Latency() {
    }

    /** {@code commands} moves sent {@code spacingMillis} apart by the rover's owner, each timed to its datagram. */
    static List<Long> commandToRobot(Stack stack, int commands, long spacingMillis) {
        try (ControlSocket owner = new ControlSocket(stack.api().base(), stack.rover().path(), stack.alice().token())) {
            owner.await(m -> "welcome".equals(m.path("type").asText()), Duration.ofSeconds(5), "welcome");
            List<Long> latencies = new ArrayList<>();
            byte[] buffer = new byte[4096];
            for (int seq = 1; seq <= commands; seq++) {
                long sent = owner.send("{\"type\":\"command\",\"seq\":" + seq
                        + ",\"action\":\"move\",\"args\":{\"linear\":0.1,\"angular\":0}}");
                String datagram;
                do {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    stack.robotCommands().receive(packet);
                    datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                } while (!datagram.contains("\"seq\":" + seq + ","));
                latencies.add(System.currentTimeMillis() - sent);
                Thread.sleep(spacingMillis);
            }
            return latencies;
        } catch (IOException e) {
            throw new UncheckedIOException("no command reached the rover's software (UDP)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Watches the playroom at the gateway and on the top rung for {@code seconds} (after a first second). */
    static Figures measure(Stack stack, String rung, int seconds, int commands) throws InterruptedException {
        try (VideoProbe gateway = VideoProbe.rtmp(stack.gateway().playUrl("playroom"));
             VideoProbe hls = VideoProbe.hls(stack.hlsPlaylist(rung).toString())) {
            List<Long> command = commandToRobot(stack, commands, 20);
            int pictures = seconds * 30;
            gateway.await(p -> p.size() >= pictures, Duration.ofSeconds(seconds + 30L), seconds + " s at the bridge's input");
            hls.await(p -> p.size() >= pictures, Duration.ofSeconds(seconds + 30L), seconds + " s of the " + rung + " rung");
            return new Figures(command, latencies(gateway.pictures()), latencies(hls.pictures()));
        }
    }

    /** Each stamped picture's capture-to-decode time, leaving out the first second (the player starting). */
    private static List<Long> latencies(List<VideoProbe.Picture> pictures) {
        return pictures.stream().filter(p -> p.scene().hasCapture()).skip(30).map(VideoProbe.Picture::latencyMillis)
                .toList();
    }
}
