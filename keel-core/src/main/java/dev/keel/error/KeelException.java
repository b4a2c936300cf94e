package dev.keel.error;

/**
 * A failure that keel reports to a person: what happened, what to do, its stable {@link ErrorCode} and the exit code
 * that code maps to. The message never holds a password; callers redact before they build one.
 */
public class KeelException extends RuntimeException {
    private final ErrorCode code;
    private final String what;
    private final String todo;

    public KeelException(ErrorCode code, String what, String todo) {
        this(code, what, todo, null);
    }

    public KeelException(ErrorCode code, String what, String todo, Throwable cause) {
        super(todo == null || todo.isBlank() ? what : what + " — " + todo, cause);
        this.code = code;
        this.what = what;
        this.todo = todo;
    }

    public ErrorCode code() {
        return code;
    }

    public ExitCode exitCode() {
        return code.exitCode();
    }

    public String what() {
        return what;
    }

    public String todo() {
        return todo;
    }
}
