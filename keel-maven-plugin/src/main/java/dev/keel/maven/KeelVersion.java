package dev.keel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of keel the plugin runs, as the command line's --version names it, for the SARIF report's driver. */
final class KeelVersion {

    private KeelVersion() {}

    static String current() {
        Properties build = new Properties();
        try (InputStream in = KeelVersion.class.getResourceAsStream("/dev/keel/keel-build.properties")) {
            if (in == null) {
                return "unknown";
            }
            build.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return build.getProperty("keel.version", "unknown");
    }
}
