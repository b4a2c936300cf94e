package dev.keel.jdbc.routing;

/** The shared write positions could not be read or written (their database failed). */
public final class PositionsUnavailableException extends RuntimeException {
    public PositionsUnavailableException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
