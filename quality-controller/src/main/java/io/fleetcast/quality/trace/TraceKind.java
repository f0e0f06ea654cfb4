package io.fleetcast.quality.trace;

import java.util.Locale;

/** The kinds of network the controller is judged on; each bench summary is per kind. */
public enum TraceKind {
    CELLULAR("cellular", "LTE/UMTS while driving (mahimahi)"),
    HSDPA("hsdpa", "3G HSDPA on transport (Norway)"),
    BROADBAND("fcc", "fixed broadband (FCC)"),
    OTHER("other", "unclassified");

    private final String id;
    private final String description;

    TraceKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Classifies by the dataset's naming (norway_*, fcc_*), else by format. */
    public static TraceKind classify(String fileName, TraceFormat format) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.startsWith("norway")) {
            return HSDPA;
        }
        if (name.startsWith("fcc")) {
            return BROADBAND;
        }
        return format == TraceFormat.MAHIMAHI ? CELLULAR : OTHER;
    }
}
