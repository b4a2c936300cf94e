package dev.keel.testing.live;

import java.util.Map;

/** One entry of the sequence a live load runs through, in the order the caller gave them. */
sealed interface PlanStep {
    String name();

    /** A step of the change itself. */
    record Action(String name, ChangeStep step) implements PlanStep {}

    /** A side starts its threads: the new version is deployed once its schema exists. */
    record Launch(String side) implements PlanStep {
        @Override
        public String name() {
            return "launch of " + side;
        }
    }

    /** A side lets its statements finish and stops: the old version is retired before the contract. */
    record Retire(String side) implements PlanStep {
        @Override
        public String name() {
            return "retirement of " + side;
        }
    }

    /** The data read through every running side in one snapshot; a side without its own query uses the default. */
    record Compare(String defaultQuery, Map<String, String> queryBySide) implements PlanStep {
        @Override
        public String name() {
            return "comparison";
        }
    }
}
