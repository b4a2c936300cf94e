package dev.keel.agent.dashboard;

/**
 * The one way a value enters a page: every text and attribute value goes through {@link #escape}, so a table named
 * {@code <script>} or a statement holding markup shows as text.
 */
public final class Html {
    private Html() {}

    /** Text safe in element content and in quoted attribute values; null becomes the empty string. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code <tag class="css">escaped text</tag>}; css may be null. */
    public static String element(String tag, String css, Object text) {
        return "<" + tag + (css == null ? "" : " class=\"" + escape(css) + "\"") + ">" + escape(text) + "</" + tag
                + ">";
    }
}
