package dev.keel.spring.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.error.KeelException;
import dev.keel.spring.KeelProperties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ReplicaPoolsTest {

    @Test
    void makesAPoolOfTheKindBootMakesForThePrimary() {
        KeelProperties.Server server = new KeelProperties.Server();
        server.setUrl("jdbc:postgresql://replica-1/shop");
        server.setUsername("reader");
        DataSource pool = new ReplicaPools().create("east", server);
        assertThat(pool).isInstanceOfSatisfying(HikariDataSource.class, hikari -> {
            assertThat(hikari.getJdbcUrl()).isEqualTo("jdbc:postgresql://replica-1/shop");
            assertThat(hikari.getUsername()).isEqualTo("reader");
        });
    }

    @Test
    void aReplicaWithoutAUrlNamesTheProperty() {
        assertThatThrownBy(() -> new ReplicaPools().create("east", new KeelProperties.Server()))
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("keel.replicas.servers.east.url");
    }
}
