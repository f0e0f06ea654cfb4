package io.fleetcast.quality;

/**
 * The locked quality ladder, lowest first so that {@code compareTo} orders by quality.
 * The nominal bitrate is the top of a state's bitrate range: within a state the target
 * moves continuously below it.
 */
public enum QualityState {
    VERY_LOW(640, 360, 24, 600_000),
    LOW(854, 480, 24, 1_200_000),
    MEDIUM(1280, 720, 30, 2_500_000),
    HIGH(1920, 1080, 30, 4_500_000);

    private final int width;
    private final int height;
    private final int fps;
    private final long nominalBps;

    QualityState(int width, int height, int fps, long nominalBps) {
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.nominalBps = nominalBps;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int fps() {
        return fps;
    }

    public long nominalBps() {
        return nominalBps;
    }

    /** "1920x1080". */
    public String resolution() {
        return width + "x" + height;
    }

    /** "1080p30". */
    public String label() {
        return height + "p" + fps;
    }

    /** The next state down, or this one at the bottom. */
    public QualityState lower() {
        return this == VERY_LOW ? this : values()[ordinal() - 1];
    }

    /** The next state up, or this one at the top. */
    public QualityState higher() {
        return this == HIGH ? this : values()[ordinal() + 1];
    }

    /** The lowest state whose nominal bitrate reaches {@code bps} (HIGH when none does). */
    public static QualityState fitting(double bps) {
        for (QualityState s : values()) {
            if (s.nominalBps >= bps) {
                return s;
            }
        }
        return HIGH;
    }

    public static QualityState min(QualityState a, QualityState b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
