package dev.keel.cli;

import java.nio.charset.Charset;

/** Prints the charset the JVM gives System.out, so a test can prove the locale it set took effect. */
public final class PrintStdoutEncoding {

    private PrintStdoutEncoding() {}

    public static void main(String[] args) {
        // Java 17 encodes System.out in sun.stdout.encoding (set for a terminal only), else the default charset.
        System.out.print(System.getProperty(
                "sun.stdout.encoding", Charset.defaultCharset().name()));
    }
}
