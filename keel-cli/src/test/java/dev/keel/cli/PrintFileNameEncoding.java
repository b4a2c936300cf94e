package dev.keel.cli;

/** Prints the charset the JVM decodes file names with, so a test can prove the locale it set took effect. */
public final class PrintFileNameEncoding {

    private PrintFileNameEncoding() {}

    public static void main(String[] args) {
        System.out.print(System.getProperty("sun.jnu.encoding"));
    }
}
