import dev.keel.jdbc.KeelDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The cost of timing statements: the same loop of point queries through the raw driver, through
 * keel's wrapper, and through datasource-proxy alone (no listener), in one JVM against one server.
 * Each variant keeps one connection, as a pooled application does, and prepares each statement
 * anew, as most data-access code does (the driver caches the server-side statement).
 *
 * <p>A round is cut into slices: in each slice every variant runs its share of the round's queries,
 * one after the other (raw, keel, proxy, raw, keel, proxy, … with the first variant rotating from
 * slice to slice), so a variant's round time is spread over the whole round and drift in the machine
 * hits all variants alike. The first rounds only warm up (JIT, caches, the server's plan cache) and
 * are thrown away. A variant's overhead is the median over the counted rounds of its time divided by
 * the raw driver's in the same round; the quartiles of those ratios show how much one round varies,
 * and a 95 % confidence interval of their median how far the figure itself can be off.
 *
 * <pre>java -cp CLASSPATH bench/JdbcOverhead.java JDBC_URL [QUERIES_PER_ROUND] [ROUNDS] [WARMUP_ROUNDS] [SLICES]</pre>
 *
 * Prints one line per variant:
 * {@code <name> <median µs/query> <median ratio to raw> <ratio Q1> <ratio Q3> <median ratio 95 % CI low> <high>
 * <µs/query of every counted round…>}.
 */
public final class JdbcOverhead {
    private static final int ROWS = 100_000;
    private static final String QUERY = "SELECT email FROM bench_users WHERE id = ?";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 31;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int slices = args.length > 4 ? Math.max(1, Math.min(Integer.parseInt(args[4]), perRound)) : 10;
        PGSimpleDataSource raw = new PGSimpleDataSource();
        raw.setURL(url);
        prepareTable(raw);

        Map<String, DataSource> variants = new LinkedHashMap<>();
        variants.put("raw", raw);
        variants.put("keel", KeelDataSource.wrap(raw, new SimpleMeterRegistry()));
        variants.put("datasource-proxy", ProxyDataSourceBuilder.create(raw).build());
        List<String> names = new ArrayList<>(variants.keySet());
        List<Connection> connections = new ArrayList<>();
        for (DataSource ds : variants.values()) {
            connections.add(ds.getConnection());
        }

        int v = names.size();
        double[][] micros = new double[v][rounds];
        SplittableRandom random = new SplittableRandom(42);
        for (int r = -warmup; r < rounds; r++) {
            long[] nanos = new long[v];
            for (int s = 0; s < slices; s++) {
                int queries = perRound / slices + (s < perRound % slices ? 1 : 0);
                // Every variant of a slice looks up the same ids, so the server's caches favour none.
                long seed = random.nextLong();
                for (int k = 0; k < v; k++) {
                    int variant = (s + k + Math.max(r, 0)) % v;
                    long start = System.nanoTime();
                    loop(connections.get(variant), queries, seed);
                    nanos[variant] += System.nanoTime() - start;
                }
            }
            if (r >= 0) {
                for (int k = 0; k < v; k++) {
                    micros[k][r] = nanos[k] / 1000.0 / perRound;
                }
            }
            StringBuilder progress = new StringBuilder(r < 0 ? "warm-up round " + (r + warmup + 1) : "round " + (r + 1));
            for (int k = 0; k < v; k++) {
                progress.append(String.format(" %s %.2f", names.get(k), nanos[k] / 1000.0 / perRound));
            }
            System.err.println(progress.append(" µs/query"));
        }

        for (int k = 0; k < v; k++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = micros[k][r] / micros[0][r];
            }
            Arrays.sort(ratios);
            double[] sorted = micros[k].clone();
            Arrays.sort(sorted);
            double[] ci = medianInterval(ratios);
            StringBuilder line = new StringBuilder(String.format("%s %.3f %.4f %.4f %.4f %.4f %.4f", names.get(k), quantile(sorted, 0.5),
                    quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75), ci[0], ci[1]));
            for (double d : micros[k]) {
                line.append(String.format(" %.2f", d));
            }
            System.out.println(line);
        }
        for (Connection c : connections) {
            c.close();
        }
    }

    /**
     * A 95 % confidence interval for the median, without assuming a distribution: the order statistics
     * whose ranks lie 1.96 standard deviations of a Binomial(n, ½) below and above the middle. The
     * quartiles say how much one round varies; this says how far the median of all rounds can be off.
     */
    private static double[] medianInterval(double[] sorted) {
        int n = sorted.length;
        double half = 1.96 * Math.sqrt(n) / 2;
        int lo = Math.max(1, (int) Math.floor(n / 2.0 - half));
        int hi = Math.min(n, (int) Math.ceil(n / 2.0 + 1 + half));
        return new double[] {sorted[lo - 1], sorted[hi - 1]};
    }

    /** Linear interpolation between the closest ranks, as R's and NumPy's default. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void prepareTable(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_users");
            s.execute("CREATE TABLE bench_users (id bigint PRIMARY KEY, email text NOT NULL)");
            s.execute("INSERT INTO bench_users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, " + ROWS + ") g");
            s.execute("VACUUM ANALYZE bench_users");
        }
    }

    private static void loop(Connection c, int queries, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < queries; i++) {
            try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                ps.setLong(1, 1 + random.nextInt(ROWS));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("point query found no row");
                    }
                }
            }
        }
    }
}
