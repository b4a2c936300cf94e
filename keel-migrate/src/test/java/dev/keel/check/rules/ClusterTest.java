package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class ClusterTest {
    private final Cluster rule = new Cluster();

    @Test
    void errClusterATable() {
        assertThat(RuleCheck.where(rule, 17, "select 1;\ncluster orders using orders_created_idx;"))
                .containsExactly("V1.sql:2:1 cluster");
        assertThat(RuleCheck.run(rule, 17, "CLUSTER VERBOSE shop.orders;")
                        .get(0)
                        .message())
                .isEqualTo(
                        "CLUSTER rewrites all of shop.orders in index order under an ACCESS EXCLUSIVE lock: every read and write waits until it"
                                + " is done");
        assertThat(RuleCheck.where(rule, 17, "cluster (verbose) orders;")).hasSize(1);
    }

    @Test
    void errOldFormNamingTheIndexFirst() {
        assertThat(RuleCheck.run(rule, 11, "cluster orders_created_idx on orders;")
                        .get(0)
                        .message())
                .contains("all of orders");
    }

    @Test
    void errClusterEverything() {
        assertThat(RuleCheck.run(rule, 17, "cluster;").get(0).message()).contains("every table clustered before");
    }

    @Test
    void okClusterOnOnlyMarksTheIndex() {
        assertThat(RuleCheck.where(rule, 17, "alter table orders cluster on orders_created_idx;"))
                .isEmpty();
    }

    @Test
    void okOnANewTable() {
        assertThat(RuleCheck.where(rule, 17, "create table t (id bigint primary key);\ncluster t using t_pkey;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "create table t (id bigint primary key);\ncluster t_pkey on t;"))
                .isEmpty();
    }
}
