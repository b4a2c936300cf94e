package dev.keel.migrate.shadow;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;

/** The same observations on the bundled PostgreSQL 17, where REINDEX also fires the event trigger. */
@WithPostgres(binaries = WithPostgres.Binaries.EMBEDDED)
class StatementObserverOnEmbeddedIT extends StatementObserverIT {
    StatementObserverOnEmbeddedIT(TestCluster cluster) {
        super(cluster);
    }
}
