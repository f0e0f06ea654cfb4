package io.fleetcast.control.auth;

/** What a MediaMTX path name refers to. Only canonical {@code robot_<id>} (no leading zeros) counts. */
public sealed interface MediaPath {
    String PLAYROOM = "playroom";
    String ROBOT_PREFIX = "robot_";

    record Robot(long robotId) implements MediaPath {
    }

    record Playroom() implements MediaPath {
    }

    record Unknown() implements MediaPath {
    }

    static MediaPath parse(String path) {
        if (PLAYROOM.equals(path)) {
            return new Playroom();
        }
        if (!path.startsWith(ROBOT_PREFIX)) {
            return new Unknown();
        }
        String digits = path.substring(ROBOT_PREFIX.length());
        if (digits.isEmpty() || digits.length() > 18 || digits.charAt(0) == '0') {
            return new Unknown();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return new Unknown();
            }
        }
        return new Robot(Long.parseLong(digits));
    }
}
