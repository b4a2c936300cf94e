package dev.keel.migrate;

import dev.keel.error.ErrorCode;

/** One reason the migrations on disk and the history disagree. */
public record ValidationProblem(Kind kind, String migration, String message, String fix) {

    /** Each kind with the code its error line ends with, so validate's lines name the same codes migrate throws. */
    public enum Kind {
        CHECKSUM_CHANGED(MigrateError.CHECKSUM_CHANGED),
        MISSING_FILE(MigrateError.FILE_MISSING),
        OUT_OF_ORDER(MigrateError.OUT_OF_ORDER),
        FAILED_EARLIER(MigrateError.EARLIER_FAILED),
        INVALID_SCRIPT(MigrateError.SCRIPT_INVALID);

        private final ErrorCode code;

        Kind(ErrorCode code) {
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }
}
