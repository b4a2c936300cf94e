package dev.keel.agent.jobs;

import dev.keel.agent.Agent;
import dev.keel.agent.http.ListenAddress;
import dev.keel.backup.Backups;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.connect.TargetParser;
import dev.keel.testing.TestCluster;
import java.nio.file.Path;

/**
 * An agent in a process of its own whose backups read 1 MiB/s, so a test can kill it with SIGKILL in the middle of a
 * scheduled backup. Arguments: the project directory, the database URL.
 */
public final class ThrottledBackupAgent {

    private ThrottledBackupAgent() {}

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        KeelYaml config = ConfigLoader.load(dir, null, System.getenv());
        DatabaseTarget target = TargetParser.parse(args[1], TestCluster.SUPERUSER, null, "test");
        Agent agent = Agent.configure()
                .config(config)
                .connections(ConnectionSource.of(target))
                .backups(() -> Backups.configure()
                        .config(config)
                        .target(target)
                        .maxRate(1)
                        .load())
                .listen(new ListenAddress("127.0.0.1", 0))
                .log(System.err::println)
                .load();
        agent.start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
