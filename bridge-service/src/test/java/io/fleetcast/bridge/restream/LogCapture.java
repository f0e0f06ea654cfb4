package io.fleetcast.bridge.restream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects what the named loggers (and their children) log, as the lines an operator would
 * read: level, logger, the formatted message, and every exception in the cause chain.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    public LogCapture(Level level, String... names) {
        setLevel(Level.ALL);
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            loggers.add(logger);
            previous.add(logger.getLevel());
            logger.setLevel(level);
            logger.addHandler(this);
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines at {@code level} or above. */
    List<String> atLeast(Level level) {
        return lines.stream().filter(line -> Level.parse(line.substring(0, line.indexOf(' '))).intValue()
                >= level.intValue()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(": ").append(formatter.formatMessage(record));
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(this);
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}
