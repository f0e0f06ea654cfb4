package io.fleetcast.media;

import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import org.bytedeco.ffmpeg.avutil.AVRational;

/** A fraction such as a time base (1/90000) or a frame rate (30000/1001). */
public record Rational(int num, int den) {
    public Rational {
        if (den <= 0 || num < 0) {
            throw new IllegalArgumentException("rational needs num >= 0 and den > 0: " + num + "/" + den);
        }
    }

    public static Rational of(AVRational value) {
        return new Rational(value.num(), value.den());
    }

    public AVRational av() {
        return av_make_q(num, den);
    }

    public Rational reduced() {
        int gcd = java.math.BigInteger.valueOf(num).gcd(java.math.BigInteger.valueOf(den)).intValue();
        return gcd <= 1 ? this : new Rational(num / gcd, den / gcd);
    }

    public double value() {
        return (double) num / den;
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
