package dev.keel.spring.replicas;

import dev.keel.jdbc.routing.InMemoryWritePositions;
import dev.keel.jdbc.routing.RoutingDataSource;
import dev.keel.jdbc.routing.TableWritePositions;
import dev.keel.jdbc.routing.WritePositions;
import dev.keel.spring.KeelProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Puts the application's DataSource behind a {@link RoutingDataSource} over the replicas of {@code keel.replicas.*}:
 * read-only transactions go to a replica that has replayed the caller's last write. It runs before the statement
 * timers wrap the DataSource, so the timers see the routed connections. At shutdown it closes what it made and the
 * primary pool, which the routing DataSource leaves open.
 */
public class ReplicaRoutingPostProcessor implements DestructionAwareBeanPostProcessor, Ordered {
    /** Before {@code StatementTimersPostProcessor}, which has no order and so runs after every ordered one. */
    static final int ORDER = 0;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRoutingPostProcessor.class);

    private final ObjectProvider<KeelProperties> properties;
    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<KeelConsistencyKey> key;
    private final ReplicaPools pools;
    private final Map<String, List<AutoCloseable>> made = new ConcurrentHashMap<>();

    public ReplicaRoutingPostProcessor(
            ObjectProvider<KeelProperties> properties,
            ObjectProvider<MeterRegistry> registry,
            ObjectProvider<KeelConsistencyKey> key,
            ReplicaPools pools) {
        this.properties = properties;
        this.registry = registry;
        this.key = key;
        this.pools = pools;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource primary) || bean instanceof RoutingDataSource) {
            return bean;
        }
        KeelProperties.Replicas replicas = properties.getObject().getReplicas();
        if (replicas.getServers().isEmpty() || !beanName.equals(replicas.getDataSource())) {
            return bean;
        }
        List<AutoCloseable> closeLater = new ArrayList<>();
        RoutingDataSource.Builder builder = RoutingDataSource.builder()
                .primary(primary)
                .maxLag(replicas.getMaxLag())
                .consistencyKey(ConsistencyKeys.of(replicas.getConsistencyKey(), key))
                .positions(positions(primary, replicas));
        replicas.getServers().forEach((name, server) -> {
            DataSource pool = pools.create(name, server);
            closeLater.add(() -> closeIfPossible(pool));
            builder.replica(name, pool);
        });
        MeterRegistry meters = registry.getIfUnique();
        if (meters != null) {
            builder.meterRegistry(meters);
        }
        RoutingDataSource routing = builder.build();
        closeLater.add(0, routing);
        closeLater.add(() -> closeIfPossible(primary));
        made.put(beanName, closeLater);
        return routing;
    }

    private WritePositions positions(DataSource primary, KeelProperties.Replicas replicas) {
        return switch (replicas.getPositions()) {
            case MEMORY -> new InMemoryWritePositions();
            case TABLE ->
                new TableWritePositions(primary, properties.getObject().getSchema() + ".write_positions");
        };
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof DataSource;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        List<AutoCloseable> closeables = made.remove(beanName);
        if (closeables == null) {
            return;
        }
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Shutting down: one pool that fails to close must not keep the others open.
                LOG.warn("closing {} failed: {}", closeable, e.toString());
            }
        }
    }

    private static void closeIfPossible(DataSource dataSource) {
        if (dataSource instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
