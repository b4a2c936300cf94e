package dev.keel.error;

/**
 * A stable name for one kind of failure. It appears in the error line, in the {@code --json} error document and in
 * docs/errors.md, so scripts and people can look a failure up without parsing its wording, which may change.
 *
 * <p>Each module declares its codes in an enum implementing this interface and lists them through an {@link
 * ErrorCatalog}; the id is {@code KEEL-<AREA>-<NAME>}, derived from the enum constant so it cannot drift from it.
 */
public interface ErrorCode {

    /** The stable id, e.g. {@code KEEL-MIGRATE-CHECKSUM-CHANGED}. */
    String id();

    /** The exit code every failure of this kind ends the process with. */
    ExitCode exitCode();

    /** One sentence for docs/errors.md: what went wrong, in general terms. */
    String meaning();

    /** The id for constant {@code name} of an area's enum: {@code CHECKSUM_CHANGED} in MIGRATE is KEEL-MIGRATE-CHECKSUM-CHANGED. */
    static String id(String area, String name) {
        return "KEEL-" + area + "-" + name.replace('_', '-');
    }
}
