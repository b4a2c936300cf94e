package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapeSqlTest {

    @Test
    void pointStatementsOnOneKeyAndOneValueColumn() {
        ShapeSql sql = ShapeSql.forColumns("orders", "id", "comment", ValueSource.text());
        assertThat(sql.read()).isEqualTo("select id, comment from orders where id = ?");
        assertThat(sql.insert()).isEqualTo("insert into orders (id, comment) values (?, ?)");
        assertThat(sql.update()).isEqualTo("update orders set comment = ? where id = ?");
        assertThat(sql.delete()).isEqualTo("delete from orders where id = ?");
    }
}
