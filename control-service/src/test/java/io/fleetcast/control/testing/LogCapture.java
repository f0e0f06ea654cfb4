package io.fleetcast.control.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log record the control service writes through the JDK's System.Logger (JUL) while
 * open, at every level, each as its formatted line plus any stack trace: what an operator's log
 * would hold. Attaches to the root logger and, for its life, lowers the product's level to ALL
 * and everything else's to INFO (as shipped); the console handlers stay at INFO or above.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final String PRODUCT = "io.fleetcast";

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Logger root = Logger.getLogger("");
    private final Logger product = Logger.getLogger(PRODUCT);
    private final Level previous;
    private final Level previousRoot;
    private final Map<Handler, Level> consoles = new HashMap<>();

    private LogCapture() {
        setLevel(Level.ALL);
        previous = product.getLevel();
        previousRoot = root.getLevel();
        // The console keeps showing what it showed before; only this capture sees the rest.
        for (Handler handler : root.getHandlers()) {
            consoles.put(handler, handler.getLevel());
            handler.setLevel(Level.INFO.intValue() > handler.getLevel().intValue() ? Level.INFO : handler.getLevel());
        }
        product.setLevel(Level.ALL);
        root.setLevel(Level.INFO);
        root.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** One captured record: its logger, level and the text an operator would read. */
    public record Line(String logger, Level level, String text) {
    }

    @Override
    public void publish(LogRecord record) {
        String text = formatter.format(record);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text += trace;
        }
        lines.add(new Line(String.valueOf(record.getLoggerName()), record.getLevel(), text));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Lines of loggers whose name starts with {@code prefix}, at {@code level} or above. */
    public List<Line> lines(String prefix, Level level) {
        return lines.stream().filter(l -> l.logger().startsWith(prefix) && l.level().intValue() >= level.intValue())
                .toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        product.setLevel(previous);
        root.setLevel(previousRoot);
        consoles.forEach(Handler::setLevel);
    }
}
