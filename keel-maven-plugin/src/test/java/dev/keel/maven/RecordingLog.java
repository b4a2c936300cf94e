package dev.keel.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** The build log as lines {@code LEVEL text}, so a test sees what Maven would print and at which level. */
final class RecordingLog implements Log {
    final List<String> lines = new ArrayList<>();
    private final boolean debug;

    RecordingLog() {
        this(false);
    }

    RecordingLog(boolean debug) {
        this.debug = debug;
    }

    private void add(String level, CharSequence content) {
        lines.add(level + " " + content);
    }

    @Override
    public boolean isDebugEnabled() {
        return debug;
    }

    @Override
    public void debug(CharSequence content) {
        add("DEBUG", content);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add("DEBUG", content);
    }

    @Override
    public void debug(Throwable error) {
        add("DEBUG", error.toString());
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("INFO", content);
    }

    @Override
    public void info(Throwable error) {
        add("INFO", error.toString());
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARN", content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("WARN", content);
    }

    @Override
    public void warn(Throwable error) {
        add("WARN", error.toString());
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("ERROR", content);
    }

    @Override
    public void error(Throwable error) {
        add("ERROR", error.toString());
    }
}
