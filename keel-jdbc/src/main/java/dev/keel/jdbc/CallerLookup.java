package dev.keel.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * The application method that ran a statement: the first frame on the stack outside the JDK, the
 * driver, the pool and the usual data-access libraries. Walking the stack costs microseconds per
 * statement, so it is off unless asked for.
 */
final class CallerLookup {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final List<String> LIBRARIES = List.of(
            "java.",
            "javax.",
            "jdk.",
            "sun.",
            "com.sun.",
            "net.ttddyy.dsproxy.",
            "dev.keel.jdbc.StatementTimers",
            "dev.keel.jdbc.CallerLookup",
            "dev.keel.jdbc.Timed",
            "org.postgresql.",
            "com.zaxxer.hikari.",
            "org.apache.commons.dbcp",
            "org.hibernate.",
            "org.springframework.",
            "org.jdbi.",
            "org.jooq.",
            "org.mybatis.",
            "org.apache.ibatis.",
            "io.micrometer.");

    private CallerLookup() {}

    static String caller() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(
                frames -> frames.filter(f -> !isLibrary(f.getClassName())).findFirst());
        return frame.map(f -> simpleName(f.getClassName()) + "." + f.getMethodName())
                .orElse("unknown");
    }

    static boolean isLibrary(String className) {
        for (String prefix : LIBRARIES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
