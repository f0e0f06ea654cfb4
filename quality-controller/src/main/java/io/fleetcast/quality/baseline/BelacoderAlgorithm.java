package io.fleetcast.quality.baseline;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;

import java.util.Locale;

/**
 * Baseline: BELABOX belacoder's SRT bitrate control ({@code update_bitrate()}), with its
 * constants. It reacts to the send-buffer size (in 1316-byte SRT packets) and the RTT against
 * thresholds derived from their own running averages and the SRT latency. Its averages are
 * per 20 ms update; here they are scaled to the sample interval so they have the same time
 * constants. belacoder has no states: the state shown is the lowest rung whose nominal
 * bitrate covers belacoder's bitrate.
 */
public final class BelacoderAlgorithm implements Algorithm<BelacoderMemory> {

    static final double MIN_BITRATE = 300_000;
    static final double INCR_MIN = 30_000;
    static final long INCR_INTERVAL_MS = 500;
    static final double INCR_SCALE = 30;
    static final double DECR_MIN = 100_000;
    static final long DECR_INTERVAL_MS = 200;
    static final long DECR_FAST_INTERVAL_MS = 250;
    static final double DECR_SCALE = 10;
    static final double UPDATE_INTERVAL_MS = 20;
    static final double SRT_PACKET_BYTES = 1316;

    private final long srtLatencyMs;
    private final double maxBitrate;

    /**
     * @param srtLatencyMs the SRT latency belacoder derives its RTT limits from; give it the
     *                     sender's latency budget
     */
    public BelacoderAlgorithm(long srtLatencyMs) {
        if (srtLatencyMs <= 0) {
            throw new IllegalArgumentException("srtLatencyMs must be > 0, got " + srtLatencyMs);
        }
        this.srtLatencyMs = srtLatencyMs;
        this.maxBitrate = QualityState.HIGH.nominalBps();
    }

    @Override
    public String name() {
        return "belacoder";
    }

    @Override
    public Step<BelacoderMemory> start(long timeMs, Limits limits) {
        Decision decision = decision(timeMs, MIN_BITRATE, Reason.START, "starts at the minimum", limits);
        return new Step<>(new BelacoderMemory(decision, timeMs, MIN_BITRATE, 0, 0, 0, 0, 0, 300, 200, 0, 0, 0),
                decision);
    }

    @Override
    public Step<BelacoderMemory> step(BelacoderMemory m, Sample sample, Limits limits) {
        long t = sample.timeMs();
        if (t <= m.lastTimeMs()) {
            return new Step<>(m, m.decision());
        }
        double updates = (t - m.lastTimeMs()) / UPDATE_INTERVAL_MS;
        double bs = sample.queueBytes() / SRT_PACKET_BYTES;
        double rtt = Math.floor(sample.rttMs());

        double keep99 = Math.pow(0.99, updates);
        double bsAvg = m.bsAvg() * keep99 + bs * (1 - keep99);
        double bsJitter = m.bsJitter() * keep99;
        double deltaBs = bs - m.prevBs();
        if (deltaBs > bsJitter) {
            bsJitter = deltaBs;
        }
        double rttAvg = m.rttAvg() == 0 ? rtt : m.rttAvg() * keep99 + rtt * (1 - keep99);
        double deltaRtt = rtt - m.prevRtt();
        double keep80 = Math.pow(0.8, updates);
        double rttAvgDelta = m.rttAvgDelta() * keep80 + deltaRtt * (1 - keep80);
        double rttMin = m.rttMin() * Math.pow(1.001, updates);
        if (rtt != 100 && rtt < rttMin && rttAvgDelta < 1.0) {
            rttMin = rtt;
        }
        double rttJitter = m.rttJitter() * keep99;
        if (deltaRtt > rttJitter) {
            rttJitter = deltaRtt;
        }

        double bitrate = m.bitrateBps();
        long nextIncrease = m.nextIncreaseMs();
        long nextDecrease = m.nextDecreaseMs();
        double bsTh3 = (bsAvg + bsJitter) * 4;
        double bsTh2 = Math.max(50, bsAvg + Math.max(bsJitter * 3.0, bsAvg));
        double bsTh1 = Math.max(50, bsAvg + bsJitter * 2.5);
        double rttThMax = rttAvg + Math.max(rttJitter * 4, rttAvg * 15 / 100);
        double rttThMin = rttMin + rttJitter * 2;
        Reason reason = Reason.STEADY;
        if (bitrate > MIN_BITRATE && (rtt >= srtLatencyMs / 3.0 || bs > bsTh3)) {
            bitrate = MIN_BITRATE;
            nextDecrease = t + DECR_INTERVAL_MS;
            reason = Reason.DECREASE;
        } else if (t > nextDecrease && (rtt > srtLatencyMs / 5.0 || bs > bsTh2)) {
            bitrate -= DECR_MIN + bitrate / DECR_SCALE;
            nextDecrease = t + DECR_FAST_INTERVAL_MS;
            reason = Reason.DECREASE;
        } else if (t > nextDecrease && (rtt > rttThMax || bs > bsTh1)) {
            bitrate -= DECR_MIN;
            nextDecrease = t + DECR_INTERVAL_MS;
            reason = Reason.DECREASE;
        } else if (t > nextIncrease && rtt < rttThMin && rttAvgDelta < 0.0) {
            bitrate += INCR_MIN + bitrate / INCR_SCALE;
            nextIncrease = t + INCR_INTERVAL_MS;
            reason = Reason.INCREASE;
        }
        bitrate = Math.max(MIN_BITRATE, Math.min(maxBitrate, bitrate));
        String detail = String.format(Locale.ROOT, "rtt %.0f/%.0f/%.0f ms, bs %.0f/%.0f/%.0f/%.0f pkts",
                rtt, rttThMin, rttThMax, bs, bsTh1, bsTh2, bsTh3);
        Decision decision = decision(t, bitrate, reason, detail, limits);
        if (decision.state() != m.decision().state()) {
            decision = new Decision(t, decision.state(), decision.bitrateBps(),
                    decision.state().compareTo(m.decision().state()) > 0 ? Reason.PROMOTE : Reason.DEMOTE, detail);
        }
        return new Step<>(new BelacoderMemory(decision, t, bitrate, bsAvg, bsJitter, bs, rttAvg, rttAvgDelta,
                rtt, rttMin, rttJitter, nextIncrease, nextDecrease), decision);
    }

    private static Decision decision(long t, double bitrate, Reason reason, String detail, Limits limits) {
        // belacoder hands the encoder its bitrate rounded down to 100 kbit/s.
        long rounded = Math.max(100_000, (long) (bitrate / 100_000) * 100_000);
        QualityState state = limits.apply(QualityState.fitting(rounded));
        return new Decision(t, state, Math.min(rounded, state.nominalBps()), reason, detail);
    }
}
