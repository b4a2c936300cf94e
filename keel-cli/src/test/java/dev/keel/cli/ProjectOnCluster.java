package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh database and a three-migration project per test, and keel run against them in this JVM. */
@WithPostgres
abstract class ProjectOnCluster {
    static final ObjectMapper JSON = new ObjectMapper();
    final TestCluster cluster;
    String db;
    TestProject project;

    ProjectOnCluster(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare(@TempDir Path dir) {
        db = cluster.createDatabase();
        project = TestProject.in(dir)
                .migration("V1__users.sql", "create table users (id bigint primary key);")
                .migration(
                        "V2__orders.sql",
                        "create table orders (id bigint primary key, user_id bigint references users);")
                .migration("R__v.sql", "create or replace view v as select count(*) from users;");
    }

    Cli.Run keel(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--url";
        all[1] = cluster.jdbcUrl(db);
        all[2] = "-C";
        all[3] = project.dir().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }

    /** keel as another role of the cluster (the test cluster trusts local connections, so no password). */
    Cli.Run keelAs(String role, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--url";
        all[1] = cluster.jdbcUrl(db).replace("user=" + TestCluster.SUPERUSER, "user=" + role);
        all[2] = "-C";
        all[3] = project.dir().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }

    JsonNode json(String... args) throws Exception {
        Cli.Run run = keel(args);
        assertThat(run.stdout().strip()).as(run.stderr()).startsWith("{").endsWith("}");
        return JSON.readTree(run.stdout());
    }
}
