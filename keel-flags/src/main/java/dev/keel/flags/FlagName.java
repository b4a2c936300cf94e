package dev.keel.flags;

import dev.keel.error.KeelException;
import java.util.regex.Pattern;

/** The one rule a flag name keeps: short, lower case, safe in a shell, a log line and a URL. */
public final class FlagName {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private FlagName() {}

    /** The name, or a one-line usage error that says what a name may hold. */
    public static String check(String name) {
        if (name == null || !FORM.matcher(name).matches()) {
            throw new KeelException(
                    FlagError.NAME_INVALID,
                    "'" + name + "' is not a flag name",
                    "use 1 to 63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit,"
                            + " e.g. checkout-v8");
        }
        return name;
    }
}
