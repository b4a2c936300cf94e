package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsOnceAnotherThreadMadeTheConditionTrue() throws Exception {
        List<String> filled = new CopyOnWriteArrayList<>();
        Thread other = new Thread(() -> filled.add("done"));
        other.start();
        Eventually.await(
                Duration.ofSeconds(30), "the other thread to add an entry", () -> !filled.isEmpty(), () -> filled);
        other.join();
        assertThat(filled).containsExactly("done");
    }

    @Test
    void returnsTheValueThatSatisfiedTheCondition() {
        AtomicInteger polls = new AtomicInteger();
        int seen = Eventually.await(Duration.ofSeconds(30), "three polls", polls::incrementAndGet, n -> n >= 3);
        assertThat(seen).isEqualTo(3);
    }

    @Test
    void failsAtTheDeadlineNamingWhatItWaitedForAndWhatItSawLast() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> Eventually.await(
                        Duration.ofMillis(50), "a count of 1000", polls::incrementAndGet, n -> n >= 1000))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("waited 50 ms for a count of 1000; last seen: ")
                .hasMessageEndingWith(": " + polls.get());
    }

    @Test
    void aBooleanConditionShowsWhatTheCallerSaysWasSeen() {
        assertThatThrownBy(() -> Eventually.await(
                        Duration.ofSeconds(0), "the stream to start", () -> false, () -> "stderr: (empty)"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("waited 0 s for the stream to start; last seen: stderr: (empty)");
    }

    @Test
    void aConditionThatAlreadyHoldsIsNotPolledAgain() {
        AtomicInteger polls = new AtomicInteger();
        Eventually.await(Duration.ofSeconds(30), "anything", () -> polls.incrementAndGet() > 0);
        assertThat(polls).hasValue(1);
    }
}
