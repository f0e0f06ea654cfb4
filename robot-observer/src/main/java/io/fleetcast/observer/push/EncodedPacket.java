package io.fleetcast.observer.push;

import io.fleetcast.media.Packet;

/**
 * One encoded picture on its way to the gateway, composed at {@code composedMillis} (epoch
 * ms). It owns its packet until written or dropped. {@code generation} names the encoder that
 * made it: a new one (a new quality state) brings new parameter sets ({@code extradata}) and
 * a new size.
 */
public record EncodedPacket(Packet packet, long composedMillis, boolean key, int size, long generation,
                            byte[] extradata, int width, int height) implements AutoCloseable {
    @Override
    public void close() {
        packet.close();
    }
}
