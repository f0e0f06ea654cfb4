package io.fleetcast.quality.trace;

/** The two trace formats of {@code traces/README.md}. */
public enum TraceFormat {
    /** One line per 1500-byte delivery opportunity: a millisecond timestamp. */
    MAHIMAHI,
    /** One line per step: {@code seconds<TAB>Mbit/s}, held until the next line. */
    PENSIEVE;

    /** Recognises the format from the first data line: one integer or two numbers. */
    public static TraceFormat sniff(String firstLine) {
        String[] fields = firstLine.trim().split("\\s+");
        if (fields.length == 1 && fields[0].matches("\\d+")) {
            return MAHIMAHI;
        }
        if (fields.length == 2) {
            return PENSIEVE;
        }
        throw new IllegalArgumentException("neither mahimahi nor pensieve: \"" + firstLine + "\"");
    }
}
