package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.CodecParameters;

/**
 * One encoded stream handed to outputs: a rung's video ({@code rung} set) or the shared
 * audio ({@code rung} null). Packets of it carry timestamps in {@code timeBase}. The
 * parameters stay valid until the output's {@code end()} returns.
 */
public record StreamDescription(int index, RungPlan rung, CodecParameters parameters, Rational timeBase) {
    public boolean isAudio() {
        return rung == null;
    }
}
