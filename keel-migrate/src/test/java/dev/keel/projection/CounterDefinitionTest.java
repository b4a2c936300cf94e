package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterDefinitionTest {

    @Test
    void onlyTypesWhoseSumsStayExactInAnyOrderCanBeSummed() {
        assertThat(CounterDefinition.sumTypeOf("integer")).isEqualTo("bigint");
        assertThat(CounterDefinition.sumTypeOf("smallint")).isEqualTo("bigint");
        assertThat(CounterDefinition.sumTypeOf("bigint")).isEqualTo("numeric");
        assertThat(CounterDefinition.sumTypeOf("numeric(12,2)")).isEqualTo("numeric");
        assertThat(CounterDefinition.sumTypeOf("double precision")).isNull();
        assertThat(CounterDefinition.sumTypeOf("real")).isNull();
        assertThat(CounterDefinition.sumTypeOf("text")).isNull();
    }

    @Test
    void itsJsonReadsBackAsTheSameDefinitionAndNamesFollowTheCounter() {
        CounterDefinition counter = new CounterDefinition(
                "shop", "revenue", "orders", List.of("product_id", "region"), "amount", "numeric", "paid");

        assertThat(CounterDefinition.fromJson(counter.toJson())).isEqualTo(counter);
        assertThat(counter.stripes()).isEqualTo("\"shop\".\"revenue_stripes\"");
        assertThat(counter.view()).isEqualTo("\"shop\".\"revenue\"");
        assertThat(counter.qualifiedName()).isEqualTo("shop.revenue");
    }
}
