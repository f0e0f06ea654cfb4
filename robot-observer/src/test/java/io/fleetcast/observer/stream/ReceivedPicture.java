package io.fleetcast.observer.stream;

/**
 * One picture a test receiver decoded.
 *
 * @param arrivalMillis epoch ms when it was decoded
 * @param stripMillis   the capture time read from its strip, or -1
 * @param markerX       the robot marker's centre as a fraction of the width, NaN when not seen
 */
public record ReceivedPicture(long arrivalMillis, int width, int height, long stripMillis, double markerX,
                              double markerY, double rightHalfLuma, long packetBytes) {
    public boolean hasStrip() {
        return stripMillis >= 0;
    }

    public long latencyMillis() {
        return arrivalMillis - stripMillis;
    }
}
