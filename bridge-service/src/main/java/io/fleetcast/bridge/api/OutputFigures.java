package io.fleetcast.bridge.api;

import java.util.Map;

/**
 * One output in the health document; {@code bitRate} in bit/s over the last second, {@code counts}
 * the output's own (an S3 store's {@code segmentsUploaded}, {@code segmentsSkipped}, ...).
 */
public record OutputFigures(String name, String part, String state, long bitRate, long reconnects, long dropped, String lastError,
                            Map<String, Long> counts) {
}
