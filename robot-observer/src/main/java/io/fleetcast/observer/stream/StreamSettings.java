package io.fleetcast.observer.stream;

import io.fleetcast.media.retry.Backoff;
import io.fleetcast.observer.push.PushAuth;
import io.fleetcast.observer.push.PushTarget;
import java.time.Duration;
import java.util.Map;

/**
 * How the robot's stream is encoded and pushed.
 *
 * @param auth           the stream key in the target, or a media token fetched per connection
 * @param codec          the encoder the probe chose, with {@code codecOptions}
 * @param gopSeconds     keyframe interval
 * @param bufferSeconds  rate-control buffer in seconds of the bitrate
 * @param maxAge         pictures older than this when the uplink can take them are dropped
 * @param samplePeriod   how often the uplink is measured and the controller consulted
 */
public record StreamSettings(PushTarget target, PushAuth auth, String codec, Map<String, String> codecOptions,
                             double gopSeconds, double bufferSeconds, Duration maxAge, Backoff backoff,
                             Duration samplePeriod) {
    /** Authenticated by the stream key in the target. */
    public StreamSettings(PushTarget target, String codec, Map<String, String> codecOptions, double gopSeconds,
                          double bufferSeconds, Duration maxAge, Backoff backoff, Duration samplePeriod) {
        this(target, PushAuth.STREAM_KEY, codec, codecOptions, gopSeconds, bufferSeconds, maxAge, backoff, samplePeriod);
    }

    public StreamSettings {
        codecOptions = Map.copyOf(codecOptions);
        if (gopSeconds <= 0 || bufferSeconds <= 0 || maxAge.isNegative() || maxAge.isZero()
                || samplePeriod.isNegative() || samplePeriod.isZero()) {
            throw new IllegalArgumentException("bad stream settings: GOP " + gopSeconds + " s, buffer " + bufferSeconds
                    + " s, max age " + maxAge + ", sample period " + samplePeriod);
        }
    }
}
