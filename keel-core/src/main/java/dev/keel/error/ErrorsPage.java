package dev.keel.error;

import java.util.List;

/** Renders docs/errors.md from the catalogs, so the page cannot fall behind the codes keel really reports. */
public final class ErrorsPage {

    private ErrorsPage() {}

    public static String render(List<ErrorCatalog> catalogs) {
        StringBuilder page = new StringBuilder();
        page.append("# Error codes\n\n")
                .append(
                        "<!-- Generated from the ErrorCatalog of each module by ErrorsPageTest; edit the enums, not this page. -->\n\n")
                .append("Every failure keel reports carries a stable code: at the end of the error line\n")
                .append(
                        "(`keel: error: <what happened> — <what to do> [KEEL-…]`) and as `code` in the `--json` error document\n")
                .append(
                        "(`{\"error\": {\"code\", \"exitCode\", \"message\", \"todo\"}}`). The wording of a message may improve from one\n")
                .append(
                        "release to the next; the code does not change. Exit codes: 0 ok; 1 a check, validation, verification,\n")
                .append(
                        "doctor finding or drill target failed; 2 usage or configuration; 3 database unreachable or authentication\n")
                .append("failed; 4 an operation failed; 70 a Keel bug; 130 interrupted.\n");
        for (ErrorCatalog catalog : catalogs) {
            page.append("\n## ")
                    .append(catalog.area())
                    .append(": ")
                    .append(catalog.title())
                    .append("\n\n")
                    .append("| code | exit | meaning |\n|---|---|---|\n");
            for (ErrorCode code : catalog.codes()) {
                page.append("| `")
                        .append(code.id())
                        .append("` | ")
                        .append(code.exitCode().code())
                        .append(" | ")
                        .append(code.meaning().replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return page.toString();
    }
}
