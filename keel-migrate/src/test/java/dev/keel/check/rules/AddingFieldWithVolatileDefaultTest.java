package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.RuleCheck;
import dev.keel.check.SchemaModel;
import dev.keel.check.TargetWith;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddingFieldWithVolatileDefaultTest {
    private final AddingFieldWithVolatileDefault rule = new AddingFieldWithVolatileDefault();

    @Test
    void errVolatileDefault() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column token uuid default gen_random_uuid();"))
                .containsExactly("V1.sql:1:42 adding-field-with-volatile-default");
        assertThat(RuleCheck.run(rule, 17, "alter table orders add column r float8 default random();")
                        .get(0)
                        .message())
                .contains("random()")
                .contains("rewrites all of orders");
    }

    @Test
    void okConstantOrStableDefaultSince11() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders add column status text not null default 'new';"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 11, "alter table orders add column created_at timestamptz default now();"))
                .isEmpty();
    }

    @Test
    void errAnyDefaultBefore11() {
        assertThat(RuleCheck.where(rule, 10, "alter table orders add column status text default 'new';"))
                .hasSize(1);
    }

    @Test
    void okOnANewTable() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create table t (id int);\nalter table t add column u uuid default gen_random_uuid();"))
                .isEmpty();
    }

    @Test
    void errAUserFunctionTheFilesDefineWithoutAVolatility() {
        assertThat(RuleCheck.where(rule, 17, """
                CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$SELECT md5(random()::text)$$;
                ALTER TABLE t ADD COLUMN c text DEFAULT f();
                """)).containsExactly("V1.sql:2:33 adding-field-with-volatile-default");
    }

    @Test
    void okAUserFunctionDeclaredStableOrImmutable() {
        assertThat(RuleCheck.where(rule, 17, """
                CREATE FUNCTION f() RETURNS text LANGUAGE sql STABLE AS $$SELECT current_setting('app.region', true)$$;
                CREATE OR REPLACE FUNCTION g() RETURNS int IMMUTABLE LANGUAGE sql AS $$SELECT 1$$;
                ALTER TABLE t ADD COLUMN c text DEFAULT f(), ADD COLUMN d int DEFAULT public.g();
                """)).isEmpty();
    }

    @Test
    void theCatalogTellsTheVolatilityOfFunctionsAlreadyThere() {
        var volatileOne = TargetWith.tableAndFunction("t", 10, "pick", SchemaModel.Volatility.VOLATILE);
        var stableOne = TargetWith.tableAndFunction("t", 10, "pick", SchemaModel.Volatility.STABLE);
        String sql = "ALTER TABLE t ADD COLUMN c text DEFAULT pick();";
        assertThat(new Checker(List.of(rule), 17)
                        .check(List.of(new CheckInput("V1.sql", sql)), volatileOne)
                        .findings())
                .hasSize(1);
        assertThat(new Checker(List.of(rule), 17)
                        .check(List.of(new CheckInput("V1.sql", sql)), stableOne)
                        .findings())
                .isEmpty();
    }
}
