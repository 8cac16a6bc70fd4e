package dev.webui.common.testing;

import dev.webui.common.http.RequestIds;
import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Keeps the log lines of one category, each with the request id it was written under. */
public final class LogCapture extends Handler implements AutoCloseable {
    /** A line as the console would show it: its text, request id (null if none) and cause. */
    public record Line(String message, String requestId, Throwable cause) {
    }

    private final Logger logger;
    private final Level levelBefore;
    public final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.levelBefore = logger.getLevel();
    }

    public static LogCapture of(Class<?> category) {
        LogCapture capture = new LogCapture(Logger.getLogger(category.getName()));
        capture.logger.addHandler(capture);
        return capture;
    }

    /** Also keeps the category's debug lines while open. */
    public static LogCapture withDebug(Class<?> category) {
        LogCapture capture = of(category);
        capture.logger.setLevel(Level.FINE);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        // read here, on the thread (and Vert.x context) that wrote the line, as the console handler does
        String requestId = record instanceof ExtLogRecord ext ? ext.getMdc(RequestIds.MDC_KEY) : null;
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(new Line(message, requestId, record.getThrown()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(levelBefore);
    }
}
