package io.fleetcast.control.alert;

/** What an owner is alerted about; {@code wire} is the {@code kind} of the protocol's {@code alert}. */
public enum AlertKind {
    ROBOT_OFFLINE("robot_offline", "the robot went offline while someone watched"),
    VIDEO_NOT_LIVE("video_not_live", "the robot is connected but its video is not live"),
    QUALITY_LOW("quality_low", "quality at VERY_LOW or packet loss above the limit"),
    HIGH_RTT("high_rtt", "uplink round-trip time above the limit");

    private final String wire;
    private final String summary;

    AlertKind(String wire, String summary) {
        this.wire = wire;
        this.summary = summary;
    }

    public String wire() {
        return wire;
    }

    public String summary() {
        return summary;
    }
}
