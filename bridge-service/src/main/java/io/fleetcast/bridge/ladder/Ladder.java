package io.fleetcast.bridge.ladder;

import io.fleetcast.media.Rational;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configured rungs, turned into a plan once the source's size and frame rate are known:
 * rungs above the source height are dropped (upscaling spends bits on nothing), sizes keep
 * the source's shape rounded to even numbers (4:2:0 needs them), the frame rate is kept or
 * capped.
 */
public record Ladder(List<Rung> rungs, double maxFps) {
    public static final String DEFAULT = "1080p:4500k,720p:2500k,480p:1200k";
    /** Profiles: High everywhere except small rungs, where Main decodes on older devices. */
    private static final int MAIN_PROFILE_MAX_HEIGHT = 480;

    public Ladder {
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("the ladder needs at least one rung");
        }
        if (maxFps < 0) {
            throw new IllegalArgumentException("max fps must be >= 0 (0 keeps the source rate), got " + maxFps);
        }
        rungs = rungs.stream().sorted(Comparator.comparingInt(Rung::height).reversed()).toList();
    }

    /** @param sampleAspect the source's pixel aspect (null or 0/1 for square pixels) */
    public List<RungPlan> plan(int sourceWidth, int sourceHeight, Rational sampleAspect, Rational sourceFps) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("source has no picture size: " + sourceWidth + "x" + sourceHeight);
        }
        double displayWidth = sourceWidth;
        if (sampleAspect != null && sampleAspect.num() > 0) {
            displayWidth = sourceWidth * sampleAspect.value();
        }
        Rational fps = outputFps(sourceFps);
        List<RungPlan> plans = new ArrayList<>();
        for (Rung rung : rungs) {
            if (rung.height() <= sourceHeight) {
                plans.add(planOne(rung, rung.height(), displayWidth, sourceHeight, fps));
            }
        }
        if (plans.isEmpty()) {
            // A source smaller than every rung still gets one rendition, at its own height.
            Rung smallest = rungs.get(rungs.size() - 1);
            plans.add(planOne(smallest, sourceHeight, displayWidth, sourceHeight, fps));
        }
        return List.copyOf(plans);
    }

    public Rational outputFps(Rational sourceFps) {
        Rational fps = sourceFps == null || sourceFps.num() == 0 ? new Rational(30, 1) : sourceFps;
        if (maxFps > 0 && fps.value() > maxFps + 1e-6) {
            return new Rational((int) Math.round(maxFps * 1000), 1000).reduced();
        }
        return fps;
    }

    private static RungPlan planOne(Rung rung, int height, double displayWidth, int sourceHeight, Rational fps) {
        int evenHeight = even(height);
        int width = even(displayWidth * evenHeight / sourceHeight);
        String profile = evenHeight <= MAIN_PROFILE_MAX_HEIGHT ? "main" : "high";
        return new RungPlan(evenHeight + "p", width, evenHeight, fps, rung.bitRate(), rung.bitRate(),
                rung.bitRate() * 2, profile);
    }

    private static int even(double value) {
        int rounded = (int) Math.round(value);
        return Math.max(2, rounded % 2 == 0 ? rounded : (value >= rounded ? rounded + 1 : rounded - 1));
    }
}
