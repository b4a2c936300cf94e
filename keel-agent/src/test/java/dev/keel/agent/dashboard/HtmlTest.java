package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkupOrLeaveAnAttribute() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void nullIsEmptyAndOtherValuesAreTheirText() {
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape(42)).isEqualTo("42");
    }

    @Test
    void anElementEscapesItsTextAndClass() {
        assertThat(Html.element("td", "a\"b", "<b>")).isEqualTo("<td class=\"a&quot;b\">&lt;b&gt;</td>");
    }
}
