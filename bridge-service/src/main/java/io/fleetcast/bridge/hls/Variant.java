package io.fleetcast.bridge.hls;

/** One rung as the master playlist announces it. */
record Variant(String uri, long bandwidth, long averageBandwidth, int width, int height, String codecs,
               double frameRate) {
}
