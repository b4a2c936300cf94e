package dev.keel.backup.remote;

import java.io.IOException;

/**
 * An ErrorResponse or NoticeResponse: the fields keel reports (severity, SQLSTATE, message, detail,
 * hint). The server's text never holds the password, so it may be shown as it is.
 */
record ServerError(String severity, String sqlState, String message, String detail, String hint) {

    static ServerError parse(BackendMessage message) throws IOException {
        String severity = null;
        String code = "";
        String text = "";
        String detail = null;
        String hint = null;
        for (byte field = message.int8(); field != 0; field = message.int8()) {
            String value = message.cstring();
            switch (field) {
                case 'V' -> severity = value;
                case 'S' -> severity = severity == null ? value : severity;
                case 'C' -> code = value;
                case 'M' -> text = value;
                case 'D' -> detail = value;
                case 'H' -> hint = value;
                default -> {
                    // position, file, line, routine …: nothing a user acts on
                }
            }
        }
        return new ServerError(severity == null ? "ERROR" : severity, code, text, detail, hint);
    }

    /** "FATAL: password authentication failed for user "backup" (28P01)" */
    @Override
    public String toString() {
        return severity + ": " + message + (sqlState.isEmpty() ? "" : " (" + sqlState + ")");
    }
}
