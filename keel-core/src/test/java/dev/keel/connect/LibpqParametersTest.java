package dev.keel.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibpqParametersTest {

    @Test
    void renamesTheParametersPgjdbcSpellsDifferently() {
        assertThat(LibpqParameters.toJdbc("application_name=shop&connect_timeout=5"))
                .isEqualTo("ApplicationName=shop&connectTimeout=5");
    }

    @Test
    void mapsSessionTargetsToServerTypes() {
        assertThat(LibpqParameters.toJdbc("target_session_attrs=read-write")).isEqualTo("targetServerType=primary");
        assertThat(LibpqParameters.toJdbc("target_session_attrs=prefer-standby"))
                .isEqualTo("targetServerType=preferSecondary");
        assertThat(LibpqParameters.toJdbc("target_session_attrs=standby")).isEqualTo("targetServerType=secondary");
    }

    @Test
    void keepsSharedNamesAndUnknownOnesAsWritten() {
        assertThat(LibpqParameters.toJdbc("sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&flag"))
                .isEqualTo("sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&flag");
        assertThat(LibpqParameters.toJdbc("")).isEmpty();
    }
}
