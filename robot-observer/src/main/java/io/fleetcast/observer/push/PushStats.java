package io.fleetcast.observer.push;

/**
 * What the publisher has done so far (counters only grow).
 *
 * @param bytesWritten  bytes handed to the transport (container and protocol included)
 * @param queuedBytes   encoded bytes waiting for the transport now
 * @param framesSent    pictures written
 * @param framesDropped pictures dropped because they waited too long or the gateway was away
 * @param connected     whether a session to the gateway is open
 */
public record PushStats(long bytesWritten, long queuedBytes, long framesSent, long framesDropped, long reconnects,
                        boolean connected, String lastError) {
}
