package dev.keel.change;

import dev.keel.migrate.Keel;
import java.nio.file.Path;
import java.time.Duration;

/** A keel process for the kill tests: {@code migrate|complete|rollback <jdbc url> <project dir> <batch> <pause ms>}. */
public final class ChangeProcessMain {

    private ChangeProcessMain() {}

    public static void main(String[] args) {
        ChangeSettings settings = new ChangeSettings(
                Duration.ofMillis(300),
                10,
                Integer.parseInt(args[3]),
                Duration.ofMillis(Long.parseLong(args[4])),
                Duration.ofSeconds(30));
        Keel keel = Keel.configure()
                .url(args[1], "postgres", null)
                .projectDir(Path.of(args[2]))
                .changes(settings)
                .load();
        switch (args[0]) {
            case "migrate" -> keel.migrate();
            case "complete" -> keel.complete();
            default -> keel.rollback();
        }
    }
}
