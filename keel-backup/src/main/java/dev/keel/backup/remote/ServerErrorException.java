package dev.keel.backup.remote;

import java.io.IOException;

/** What the server said, carried as an IOException through the streams to the code that turns it into a user message. */
final class ServerErrorException extends IOException {
    private final ServerError error;

    ServerErrorException(ServerError error) {
        super(error.toString());
        this.error = error;
    }

    ServerError error() {
        return error;
    }
}
