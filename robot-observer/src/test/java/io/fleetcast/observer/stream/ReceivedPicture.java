package io.fleetcast.observer.stream;

/**
 * One picture a test receiver decoded.
 *
 * @param arrivalMillis epoch ms when it was decoded
 * @param stripMillis   the capture time read from its strip, or -1
 * @param markerX       the robot marker's centre as a fraction of the width, NaN when not seen
 * @param leftStripMillis the capture time of a strip found anywhere in the left half (a tile), or -1
 */
public record ReceivedPicture(long arrivalMillis, int width, int height, long stripMillis, double markerX,
                              double markerY, double rightHalfLuma, long leftStripMillis, long packetBytes) {
    public boolean hasStrip() {
        return stripMillis >= 0;
    }

    public long latencyMillis() {
        return arrivalMillis - stripMillis;
    }
}
