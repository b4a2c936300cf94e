package dev.keel.migrate;

/** One reason the migrations on disk and the history disagree. */
public record ValidationProblem(Kind kind, String migration, String message, String fix) {

    public enum Kind {
        CHECKSUM_CHANGED,
        MISSING_FILE,
        OUT_OF_ORDER,
        FAILED_EARLIER,
        INVALID_SCRIPT
    }
}
