package dev.keel.backup.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelTransferTest {

    @Test
    void resultsComeInItemOrder() {
        List<Integer> items = List.of(5, 1, 4, 2, 3);

        assertThat(ParallelTransfer.run(items, 3, i -> i * 10)).containsExactly(50, 10, 40, 20, 30);
    }

    @Test
    void heavierItemsStartFirstAndResultsStillComeInItemOrder() {
        List<Long> items = List.of(3L, 900L, 7L, 50L, 900L);
        List<Long> started = Collections.synchronizedList(new ArrayList<>());

        List<Long> results = ParallelTransfer.run(
                items,
                1,
                size -> {
                    started.add(size);
                    return size + 1;
                },
                size -> size);

        assertThat(started).containsExactly(900L, 900L, 50L, 7L, 3L);
        assertThat(results).containsExactly(4L, 901L, 8L, 51L, 901L);
    }

    @Test
    void aFailureReachesTheCallerAsItWasThrown() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> ParallelTransfer.run(
                        List.of(1L, 2L, 3L),
                        2,
                        size -> {
                            if (size == 2L) {
                                throw boom;
                            }
                            return size;
                        },
                        size -> size))
                .isSameAs(boom);
    }
}
