package dev.keel.agent.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Markdown the runbooks are written in — headings, paragraphs, lists, pipe tables, fenced code, inline
 * code, bold, emphasis and links — to HTML, escaping every piece of text. Not a general Markdown parser: what the
 * runbooks do not use is shown as plain text, never as markup. Links keep their text only: a runbook's relative link
 * points into docs/, which the dashboard does not serve.
 */
public final class Markdown {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s+(.*)$");
    private static final Pattern INLINE = Pattern.compile(
            "`([^`]+)`|\\*\\*([^*]+)\\*\\*|(?<![\\w(])\\*([^*\\s](?:[^*]*[^*\\s])?)\\*(?![\\w)])|\\[([^\\]]+)\\]\\(([^)]*)\\)");

    private Markdown() {}

    public static String render(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (line.startsWith("```")) {
                i = code(lines, i, out);
            } else if (HEADING.matcher(line).matches()) {
                Matcher m = HEADING.matcher(line);
                m.matches();
                // Headings move down two levels: the page has its own h1 and the finding its h2.
                int level = Math.min(6, m.group(1).length() + 2);
                out.append("<h")
                        .append(level)
                        .append('>')
                        .append(inline(m.group(2)))
                        .append("</h")
                        .append(level)
                        .append(">\n");
                i++;
            } else if (BULLET.matcher(line).matches()) {
                i = list(lines, i, out, BULLET, "ul");
            } else if (NUMBERED.matcher(line).matches()) {
                i = list(lines, i, out, NUMBERED, "ol");
            } else if (line.strip().startsWith("|")) {
                i = table(lines, i, out);
            } else {
                i = paragraph(lines, i, out);
            }
        }
        return out.toString();
    }

    private static int code(List<String> lines, int start, StringBuilder out) {
        out.append("<pre><code>");
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("```")) {
            out.append(Html.escape(lines.get(i))).append('\n');
            i++;
        }
        out.append("</code></pre>\n");
        return i + 1;
    }

    private static int list(List<String> lines, int start, StringBuilder out, Pattern item, String tag) {
        out.append('<').append(tag).append(">\n");
        int i = start;
        while (i < lines.size()) {
            Matcher m = item.matcher(lines.get(i));
            if (!m.matches()) {
                break;
            }
            StringBuilder text = new StringBuilder(m.group(1));
            i++;
            // Continuation lines are indented and start no item of their own.
            while (i < lines.size()
                    && !lines.get(i).isBlank()
                    && Character.isWhitespace(lines.get(i).charAt(0))
                    && !item.matcher(lines.get(i)).matches()) {
                text.append(' ').append(lines.get(i).strip());
                i++;
            }
            out.append("<li>").append(inline(text.toString())).append("</li>\n");
        }
        out.append("</").append(tag).append(">\n");
        return i;
    }

    private static int table(List<String> lines, int start, StringBuilder out) {
        out.append("<table>\n");
        int i = start;
        boolean header = true;
        while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
            List<String> cells = cells(lines.get(i));
            i++;
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue;
            }
            String tag = header ? "th" : "td";
            out.append("<tr>");
            cells.forEach(c -> out.append('<')
                    .append(tag)
                    .append('>')
                    .append(inline(c))
                    .append("</")
                    .append(tag)
                    .append('>'));
            out.append("</tr>\n");
            header = false;
        }
        out.append("</table>\n");
        return i;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static int paragraph(List<String> lines, int start, StringBuilder out) {
        StringBuilder text = new StringBuilder();
        int i = start;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()
                    || line.startsWith("```")
                    || HEADING.matcher(line).matches()
                    || (i > start
                            && (BULLET.matcher(line).matches() || line.strip().startsWith("|")))) {
                break;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(line.strip());
            i++;
        }
        out.append("<p>").append(inline(text.toString())).append("</p>\n");
        return i;
    }

    /** Inline code, bold, emphasis and link text; everything else escaped. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(Html.escape(text.substring(at, m.start())));
            if (m.group(1) != null) {
                out.append("<code>").append(Html.escape(m.group(1))).append("</code>");
            } else if (m.group(2) != null) {
                out.append("<strong>").append(Html.escape(m.group(2))).append("</strong>");
            } else if (m.group(3) != null) {
                out.append("<em>").append(Html.escape(m.group(3))).append("</em>");
            } else {
                out.append(Html.escape(m.group(4)));
            }
            at = m.end();
        }
        out.append(Html.escape(text.substring(at)));
        return out.toString();
    }
}
