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
 * anew, as most data-access code does (the driver caches the server-side statement). The variants
 * take turns, round after round, so drift in the machine hits them alike; each variant's figure is
 * the median of its rounds in microseconds per query, and its overhead is the median over the rounds
 * of its time divided by the raw driver's in the same round (the pairing cancels the drift between
 * rounds, which on a small VM is larger than the overhead itself).
 *
 * <pre>java -cp CLASSPATH bench/JdbcOverhead.java JDBC_URL [QUERIES_PER_ROUND] [ROUNDS]</pre>
 *
 * Prints one line per variant: {@code <name> <median µs/query> <median ratio to raw> <all rounds>}.
 */
public final class JdbcOverhead {
    private static final int ROWS = 100_000;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        PGSimpleDataSource raw = new PGSimpleDataSource();
        raw.setURL(url);
        prepareTable(raw);

        Map<String, DataSource> variants = new LinkedHashMap<>();
        variants.put("raw", raw);
        variants.put("keel", KeelDataSource.wrap(raw, new SimpleMeterRegistry()));
        variants.put("datasource-proxy", ProxyDataSourceBuilder.create(raw).build());

        Map<String, Connection> connections = new LinkedHashMap<>();
        for (Map.Entry<String, DataSource> v : variants.entrySet()) {
            connections.put(v.getKey(), v.getValue().getConnection());
        }
        // Warm-up: every variant's code path compiled before anything counts.
        for (int i = 0; i < 3; i++) {
            for (Connection c : connections.values()) {
                loop(c, perRound, new SplittableRandom(i));
            }
        }
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        connections.keySet().forEach(name -> micros.put(name, new ArrayList<>()));
        List<String> names = new ArrayList<>(connections.keySet());
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                // A different variant goes first in each round.
                String name = names.get((r + k) % names.size());
                long start = System.nanoTime();
                loop(connections.get(name), perRound, new SplittableRandom(1000 + r));
                micros.get(name).add((System.nanoTime() - start) / 1000.0 / perRound);
            }
        }
        List<Double> rawRounds = micros.get("raw");
        for (Map.Entry<String, List<Double>> e : micros.entrySet()) {
            double[] all = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double[] sorted = all.clone();
            Arrays.sort(sorted);
            double[] ratios = new double[all.length];
            for (int i = 0; i < all.length; i++) {
                ratios[i] = all[i] / rawRounds.get(i);
            }
            Arrays.sort(ratios);
            StringBuilder line = new StringBuilder(String.format("%s %.3f %.4f", e.getKey(), sorted[sorted.length / 2], ratios[ratios.length / 2]));
            for (double d : all) {
                line.append(String.format(" %.2f", d));
            }
            System.out.println(line);
        }
        for (Connection c : connections.values()) {
            c.close();
        }
    }

    private static void prepareTable(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_users");
            s.execute("CREATE TABLE bench_users (id bigint PRIMARY KEY, email text NOT NULL)");
            s.execute("INSERT INTO bench_users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, " + ROWS + ") g");
            s.execute("VACUUM ANALYZE bench_users");
        }
    }

    private static void loop(Connection c, int queries, SplittableRandom random) throws SQLException {
        for (int i = 0; i < queries; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT email FROM bench_users WHERE id = ?")) {
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
