package dev.keel.cli;

import dev.keel.backup.replica.ReplicaListResult;
import dev.keel.backup.replica.ReplicaStatus;
import dev.keel.config.ByteSizes;
import dev.keel.error.ExitCode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "list",
        description = "Show each standby of the database with its state, replay LSN, lag in bytes and seconds and"
                + " slot, and the replicas keel made that are not connected now.")
final class ReplicaListCommand implements Callable<Integer> {

    @ParentCommand
    ReplicaCommand replica;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(replica.parent.global);
        ReplicaListResult result = ReplicaCommand.backups(cli, null, b -> b).replicaList();
        if (cli.json()) {
            cli.printJson(result);
        } else if (result.replicas().isEmpty()) {
            cli.out().println("No standby streams from " + result.primary() + "; make one with keel replica create");
        } else {
            cli.out().println("Standbys of " + result.primary() + ":");
            for (ReplicaStatus r : result.replicas()) {
                cli.out().println("  " + line(r));
            }
        }
        return ExitCode.OK.code();
    }

    static String line(ReplicaStatus r) {
        StringBuilder s = new StringBuilder(r.name()).append("  ").append(r.state());
        if (r.connected()) {
            s.append(", replayed ").append(r.replayLsn() == null ? "nothing yet" : r.replayLsn());
            s.append(", lag ").append(r.lagBytes() == null ? "unknown" : ByteSizes.human(r.lagBytes()));
            if (r.lagSeconds() != null) {
                s.append(String.format(Locale.ROOT, " / %.1f s", r.lagSeconds()));
            }
        }
        if (r.slot() != null) {
            s.append(", slot ").append(r.slot());
            if (!r.connected() && r.retainedBytes() != null) {
                s.append(" retains ").append(ByteSizes.human(r.retainedBytes())).append(" of WAL");
            }
        }
        if (r.targetDir() != null) {
            s.append(", made by keel in ").append(r.targetDir()).append(" on ").append(r.madeOn());
        }
        return s.toString();
    }
}
