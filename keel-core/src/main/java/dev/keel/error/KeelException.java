package dev.keel.error;

/**
 * A failure that keel reports to a person: what happened, what to do, and the exit code it maps to.
 * The message never holds a password; callers redact before they build one.
 */
public class KeelException extends RuntimeException {
    private final ExitCode exitCode;
    private final String what;
    private final String todo;

    public KeelException(ExitCode exitCode, String what, String todo) {
        this(exitCode, what, todo, null);
    }

    public KeelException(ExitCode exitCode, String what, String todo, Throwable cause) {
        super(todo == null || todo.isBlank() ? what : what + " — " + todo, cause);
        this.exitCode = exitCode;
        this.what = what;
        this.todo = todo;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String what() {
        return what;
    }

    public String todo() {
        return todo;
    }

    public static KeelException usage(String what, String todo) {
        return new KeelException(ExitCode.USAGE, what, todo);
    }

    public static KeelException failed(String what, String todo) {
        return new KeelException(ExitCode.FAILED, what, todo);
    }

    public static KeelException operation(String what, String todo, Throwable cause) {
        return new KeelException(ExitCode.OPERATION, what, todo, cause);
    }
}
