package io.fleetcast.bridge.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One configured quality of the ladder: a picture height and a target video bitrate. */
public record Rung(int height, long bitRate) {
    public Rung {
        if (height < 16 || height > 4320) {
            throw new IllegalArgumentException("rung height must be 16..4320, got " + height);
        }
        if (bitRate < 50_000) {
            throw new IllegalArgumentException("rung bitrate must be at least 50k, got " + bitRate);
        }
    }

    public String name() {
        return height + "p";
    }

    /** Parses {@code "1080p:4500k,720p:2500k,480p:1.2M"} (the unit of the bitrate is k or M). */
    public static List<Rung> parseAll(String text) {
        List<Rung> rungs = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] parts = item.trim().split(":");
            if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).endsWith("p")) {
                throw new IllegalArgumentException("rung must look like 720p:2500k, got '" + item.trim() + "'");
            }
            try {
                int height = Integer.parseInt(parts[0].substring(0, parts[0].length() - 1).trim());
                rungs.add(new Rung(height, parseBitRate(parts[1].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rung must look like 720p:2500k, got '" + item.trim() + "'", e);
            }
        }
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("the ladder needs at least one rung");
        }
        return List.copyOf(rungs);
    }

    /** Parses {@code 128k}, {@code 4.5M} or a plain number of bits per second. */
    public static long parseBitRate(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        double scale = 1;
        if (value.endsWith("k")) {
            scale = 1_000;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            scale = 1_000_000;
            value = value.substring(0, value.length() - 1);
        }
        return Math.round(Double.parseDouble(value) * scale);
    }
}
