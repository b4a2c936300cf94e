package dev.keel.config;

import java.util.List;

/** Renders docs/configuration.md from the modules' declarations, so the page cannot fall behind the keys keel reads. */
public final class ConfigurationPage {

    private ConfigurationPage() {}

    public static String render(List<ConfigSection> sections) {
        StringBuilder page = new StringBuilder();
        page.append("# Configuration\n\n")
                .append(
                        "<!-- Generated from each module's ConfigSection by ConfigurationPageTest; edit the declarations, not this page. -->\n\n")
                .append(
                        "keel reads `keel.yaml` in the project directory (or the file `--config` names). Every key can be\n")
                .append(
                        "overridden by an environment variable, `KEEL_` and the key's path in upper case with `_` for `.`\n")
                .append(
                        "(`migrations.lockTimeout` → `KEEL_MIGRATIONS_LOCKTIMEOUT`), and any value may hold `${VARIABLE}`,\n")
                .append(
                        "taken from the environment. A key keel does not know is an error naming the nearest known one; a\n")
                .append(
                        "value that does not fit its key is an error naming the key. Durations are written as PostgreSQL\n")
                .append(
                        "writes them: `500ms`, `2s`, `5min`, `1h`, `7d`. Each module declares its own keys; an application\n")
                .append("that has only some modules keeps the others' keys unread.\n");
        for (ConfigSection section : sections) {
            page.append("\n## ")
                    .append(section.title())
                    .append("\n\n")
                    .append("| key | value | default | environment | meaning |\n|---|---|---|---|---|\n");
            for (ConfigKey<?> key : section.keys()) {
                String path =
                        key.map() ? key.mapForm().substring(0, key.mapForm().indexOf(':')) : key.path();
                page.append("| `")
                        .append(path)
                        .append("` | ")
                        .append(key.kind())
                        .append(" | ")
                        .append(cell(key.defaultText()))
                        .append(" | ")
                        .append(key.map() ? "—" : "`" + key.envName() + "`")
                        .append(" | ")
                        .append(cell(key.description()))
                        .append(" |\n");
            }
        }
        return page.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
