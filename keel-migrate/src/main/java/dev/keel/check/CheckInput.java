package dev.keel.check;

import dev.keel.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A file to check: the name findings report and its text. */
public final class CheckInput {
    private final String file;
    private final String content;
    private final int[] lineStarts;
    private final List<SqlStatement> statements;

    public CheckInput(String file, String content) {
        this(file, content, null);
    }

    /** With the statements already split from {@code content} (migrate has split them), so they are not split twice. */
    public CheckInput(String file, String content, List<SqlStatement> statements) {
        this.file = file;
        this.content = content;
        this.statements = statements == null ? null : List.copyOf(statements);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String file() {
        return file;
    }

    public String content() {
        return content;
    }

    /** The statements when the caller split them already, else null. */
    List<SqlStatement> statements() {
        return statements;
    }

    int[] lineColumn(int offset) {
        int line = Arrays.binarySearch(lineStarts, offset);
        line = line >= 0 ? line : -line - 2;
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : content.length();
        return content.substring(start, Math.max(start, end)).stripTrailing();
    }
}
