package dev.keel.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The percent-decoding of URLs, strict and quiet. {@link java.net.URLDecoder} quotes the faulty part
 * in its message ("Illegal hex characters in escape (%) pattern … in: \"ZZ\""), and a faulty part of a
 * password is still part of the password: here a malformed escape is only "empty", and the caller
 * names the part of the URL (the password, the user name …), never its text.
 */
final class PercentDecoding {

    private PercentDecoding() {}

    /** {@code %41b+} → {@code Ab+} ('+' stays a plus, as in libpq); empty when a % is not followed by two hex digits. */
    static Optional<String> decode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                int high = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int low = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int end = i + Character.charCount(s.codePointAt(i));
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    static boolean isWellFormed(String s) {
        return decode(s).isPresent();
    }
}
