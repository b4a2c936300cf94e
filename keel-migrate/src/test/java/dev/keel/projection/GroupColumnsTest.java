package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupColumnsTest {
    private final GroupColumns groups = new GroupColumns(List.of("user_id", "Region"));

    @Test
    void joinsWithEqualsForGroupsWithoutNullAndNotDistinctForTheOthers() {
        assertThat(groups.list()).isEqualTo("\"user_id\", \"Region\"");
        assertThat(groups.equal("b", "f")).isEqualTo("b.\"user_id\" = f.\"user_id\" AND b.\"Region\" = f.\"Region\"");
        assertThat(groups.same("f", "b"))
                .isEqualTo("f.\"user_id\" IS NOT DISTINCT FROM b.\"user_id\" AND f.\"Region\" IS NOT DISTINCT FROM"
                        + " b.\"Region\"");
        assertThat(groups.anyNull("b")).isEqualTo("(b.\"user_id\" IS NULL OR b.\"Region\" IS NULL)");
    }
}
