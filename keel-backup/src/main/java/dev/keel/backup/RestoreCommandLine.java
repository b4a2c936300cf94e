package dev.keel.backup;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The restore_command a restored cluster keeps for its next recovery: {@code keel wal get %f %p} with this project and
 * repository. keel-backup cannot know how the application's keel is launched, so it names {@code keel} on the PATH;
 * the command line passes its own launcher through {@link BackupsConfiguration#launcher(List)}.
 */
final class RestoreCommandLine {
    private RestoreCommandLine() {}

    /** @param repository the repository given in code, which keel.yaml does not know; null when keel.yaml names it */
    static String keelWalGet(KeelYaml config, String repository) {
        return keelWalGet(List.of("keel"), config, repository);
    }

    /** @param launcher the words that start keel, before its options */
    static String keelWalGet(List<String> launcher, KeelYaml config, String repository) {
        List<String> words = new ArrayList<>(launcher);
        words.addAll(List.of("-C", config.projectDir().toString()));
        Path file = config.file();
        if (file != null && !file.equals(config.projectDir().resolve(ConfigLoader.FILE_NAME))) {
            words.addAll(List.of("--config", file.toString()));
        }
        words.addAll(List.of("wal", "get"));
        if (repository != null) {
            words.addAll(List.of("--repo", repository));
        }
        words.addAll(List.of("%f", "%p"));
        return shell(words);
    }

    /** Each word single-quoted unless plainly safe: PostgreSQL runs restore_command through sh. */
    static String shell(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word.matches("[A-Za-z0-9_./%:=-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
