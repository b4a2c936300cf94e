import dev.keel.check.CheckMigrations;
import dev.keel.check.CheckReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The in-process rate of keel's static checks, as a long-lived JVM sees it (a build plugin, an
 * application calling the API at start-up, a CI agent checking many projects): the same directory of
 * migration files is read and checked ROUNDS times in one JVM, through the same entry point as
 * {@code keel check DIR}, and the rate of the fastest and the median of the last half of the rounds
 * is printed. The first round, a cold JVM, is printed too: the launcher's figure is that one.
 *
 * <pre>java -cp keel-cli/target/keel.jar bench/CheckThroughput.java DIR [ROUNDS]</pre>
 *
 * Prints one line: {@code first=<files/s> steady=<files/s> files=<n> rounds=<n>}.
 */
public final class CheckThroughput {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CheckThroughput DIR [ROUNDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        if (!Files.isDirectory(dir) || rounds < 2) {
            System.err.println("CheckThroughput: need a directory of migration files and at least 2 rounds");
            System.exit(2);
        }
        double[] rates = new double[rounds];
        int files = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            CheckReport report = CheckMigrations.paths(dir.getParent(), List.of(dir), CheckMigrations.DEFAULT_POSTGRES_VERSION);
            long nanos = System.nanoTime() - start;
            files = report.files();
            rates[r] = files / (nanos / 1e9);
        }
        // The second half of the rounds: past the JIT's warm-up, and a median so one GC pause does not decide.
        double[] steady = Arrays.copyOfRange(rates, rounds / 2, rounds);
        Arrays.sort(steady);
        double median = steady.length % 2 == 1 ? steady[steady.length / 2] : (steady[steady.length / 2 - 1] + steady[steady.length / 2]) / 2;
        System.out.printf("first=%.0f steady=%.0f files=%d rounds=%d%n", rates[0], median, files, rounds);
    }
}
