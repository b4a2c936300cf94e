package dev.keel.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;

class TargetParserTest {
    private static final String LIBPQ = "postgresql://u:secret@db.example:6543/shop?sslmode=require";

    /** What the driver will actually use: the URL merged with the properties, as DriverManager.getConnection does. */
    private static Properties effective(DatabaseTarget target) {
        return Driver.parseURL(target.jdbcUrl(), target.properties());
    }

    @Test
    void libpqUriBecomesAJdbcUrlForTheSameServer() {
        DatabaseTarget target = TargetParser.parse(LIBPQ, null, null, "--url");

        assertThat(target.jdbcUrl()).startsWith("jdbc:postgresql://db.example:6543/shop?");
        assertThat(target.host()).isEqualTo("db.example");
        assertThat(target.port()).isEqualTo(6543);
        assertThat(target.database()).isEqualTo("shop");
        assertThat(target.user()).isEqualTo("u");
        assertThat(target.source()).isEqualTo("--url");
    }

    @Test
    void passwordOfALibpqUriReachesTheDriver() {
        DatabaseTarget target = TargetParser.parse(LIBPQ, null, null, "--url");

        assertThat(effective(target).getProperty("password")).isEqualTo("secret");
        assertThat(effective(target).getProperty("user")).isEqualTo("u");
    }

    @Test
    void passwordOfALibpqUriIsKeptInPropertiesNotInTheJdbcUrl() {
        DatabaseTarget target = TargetParser.parse(LIBPQ, null, null, "--url");

        assertThat(target.properties().getProperty("password")).isEqualTo("secret");
        assertThat(target.jdbcUrl()).doesNotContain("secret");
    }

    @Test
    void queryParametersSuchAsSslmodePassThrough() {
        DatabaseTarget target = TargetParser.parse(LIBPQ, null, null, "--url");

        assertThat(target.jdbcUrl()).contains("sslmode=require");
        assertThat(effective(target).getProperty("sslmode")).isEqualTo("require");
    }

    @Test
    void libpqParameterNamesReachTheDriverUnderItsNames() {
        DatabaseTarget target = TargetParser.parse(
                "postgresql://u@db.example/shop?connect_timeout=7&application_name=shop-api", null, null, "--url");

        assertThat(effective(target).getProperty("connectTimeout")).isEqualTo("7");
        assertThat(effective(target).getProperty("ApplicationName")).isEqualTo("shop-api");
    }

    @Test
    void percentEncodedPasswordIsDecodedByTheDriver() {
        DatabaseTarget target = TargetParser.parse("postgresql://u:p%40ss%26w@db/shop", null, null, "--url");

        assertThat(effective(target).getProperty("password")).isEqualTo("p@ss&w");
    }

    @Test
    void postgresSchemeIsAcceptedToo() {
        DatabaseTarget target = TargetParser.parse("postgres://app@db.example/shop", null, null, "KEEL_URL");

        assertThat(target.jdbcUrl()).startsWith("jdbc:postgresql://db.example/shop");
        assertThat(target.host()).isEqualTo("db.example");
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.database()).isEqualTo("shop");
        assertThat(target.user()).isEqualTo("app");
    }

    @Test
    void uriWithoutHostMeansLocalhost() {
        DatabaseTarget target = TargetParser.parse("postgresql:///shop", "app", null, "--url");

        assertThat(target.host()).isEqualTo("localhost");
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.database()).isEqualTo("shop");
    }

    @Test
    void jdbcUrlIsKeptAsItIs() {
        String url = "jdbc:postgresql://db.example:5433/shop?sslmode=verify-full&ApplicationName=x";

        DatabaseTarget target = TargetParser.parse(url, "app", "pw", "keel.yaml database.url");

        assertThat(target.jdbcUrl()).isEqualTo(url);
        assertThat(target.host()).isEqualTo("db.example");
        assertThat(target.port()).isEqualTo(5433);
        assertThat(target.database()).isEqualTo("shop");
        assertThat(target.user()).isEqualTo("app");
        assertThat(target.properties().getProperty("password")).isEqualTo("pw");
    }

    @Test
    void withoutAnyUserTheOperatingSystemUserIsUsed() {
        DatabaseTarget target = TargetParser.parse("jdbc:postgresql://db/shop", null, null, "--url");

        assertThat(target.user()).isEqualTo(System.getProperty("user.name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://root@db:3306/shop", "jdbc:mysql://db:3306/shop", "db.example:5432/shop"})
    void aUrlForAnotherDatabaseIsAUsageError(String url) {
        assertThatThrownBy(() -> TargetParser.parse(url, null, null, "--url"))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(CoreError.URL_INVALID);
                    assertThat(e.what()).isEqualTo("the database URL from --url is not a PostgreSQL URL");
                });
    }

    @Test
    void passwordNeverAppearsWhenTheTargetIsRendered() {
        DatabaseTarget fromUri = TargetParser.parse(LIBPQ, null, null, "--url");
        DatabaseTarget fromArgument =
                TargetParser.parse("jdbc:postgresql://db.example:6543/shop", "u", "hunter2", "keel.yaml database.url");

        assertThat(fromUri.describe()).isEqualTo("db.example:6543/shop").doesNotContain("secret");
        assertThat(fromUri.toString())
                .isEqualTo("db.example:6543/shop (from --url)")
                .doesNotContain("secret");
        assertThat(fromArgument.describe()).doesNotContain("hunter2");
        assertThat(fromArgument.toString())
                .isEqualTo("db.example:6543/shop (from keel.yaml database.url)")
                .doesNotContain("hunter2");
    }

    @Test
    void aPasswordInTheUrlWinsOverOneGivenSeparately() {
        DatabaseTarget target = TargetParser.parse(LIBPQ, null, "from-pgpassword", "--url");

        assertThat(effective(target).getProperty("password")).isEqualTo("secret");
    }

    @Test
    void reportedUserIsTheOneTheDriverConnectsAs() {
        DatabaseTarget target = TargetParser.parse("postgresql://u@db/shop", "other", null, "--url");

        assertThat(target.user()).isEqualTo(effective(target).getProperty("user"));
    }

    /** Regression: URLDecoder's message quoted the escape ("ZZ"), which is part of the password. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgresql://u:se%ZZcret@127.0.0.1:1/db",
                "postgresql://u:secret%4@127.0.0.1:1/db",
                "jdbc:postgresql://127.0.0.1:1/db?user=u&password=se%ZZcret",
                "postgresql://u@127.0.0.1:1/db?password=se%ZZcret"
            })
    void aMalformedEscapeInThePasswordIsNamedButNotQuoted(String url) {
        assertThatThrownBy(() -> TargetParser.parse(url, null, null, "--url"))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(CoreError.URL_INVALID);
                    assertThat(e.what())
                            .startsWith(
                                    "the password in the database URL from --url holds a % that is not followed by two hex digits");
                    assertThat(e.getMessage())
                            .doesNotContain("se%", "secret", "cret", "ZZ", "%4")
                            .contains("%25");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void aMalformedEscapeInTheUserNameIsNamed() {
        assertThatThrownBy(() -> TargetParser.parse("postgresql://sh%G1op:pw@127.0.0.1/db", null, null, "--url"))
                .isInstanceOf(KeelException.class)
                .hasMessageStartingWith("the user name in the database URL from --url holds a %");
    }

    /** Regression: pgjdbc took "u:secret@127.0.0.1" for the host name, and messages showed it. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://u:se%ZZcret@127.0.0.1/db", "jdbc:postgresql://u:secret@127.0.0.1:1/db"})
    void aJdbcUrlWithUserInfoIsRefusedWithoutQuotingIt(String url) {
        assertThatThrownBy(() -> TargetParser.parse(url, null, null, "--url"))
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("the JDBC URL from --url holds a user and password before the host")
                .message()
                .doesNotContain("se%", "secret", "cret", "ZZ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://127.0.0.1:99999/db",
                "postgresql://u@127.0.0.1:x1/db",
                "jdbc:postgresql://127.0.0.1:0/db"
            })
    void aPortOutOfRangeIsAUsageErrorThatSaysSo(String url) {
        assertThatThrownBy(() -> TargetParser.parse(url, null, null, "KEEL_URL"))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(CoreError.URL_INVALID);
                    assertThat(e.what())
                            .isEqualTo("the port in the database URL from KEEL_URL is not a number from 1 to 65535");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"postgresql://127.0.0.1:1/db?sslmode=bogus", "jdbc:postgresql://127.0.0.1:1/db?sslmode=requir"})
    void anUnknownSslmodeIsAUsageError(String url) {
        assertThatThrownBy(() -> TargetParser.parse(url, null, null, "--url"))
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(CoreError.URL_INVALID);
                    assertThat(e.getMessage()).contains("sslmode", "is not one pgjdbc knows", "verify-full");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
    void everySslmodeLibpqKnowsIsAccepted(String mode) {
        assertThat(TargetParser.parse("postgresql://h/db?sslmode=" + mode, null, null, "--url")
                        .jdbcUrl())
                .endsWith("sslmode=" + mode);
    }

    @Test
    void aWellFormedEscapeStillDecodesAndAPlusStaysAPlus() {
        DatabaseTarget target = TargetParser.parse("postgresql://u:a%25b+c%C3%A9@h/db", null, null, "--url");

        assertThat(target.properties().getProperty("password")).isEqualTo("a%b+c\u00e9");
    }
}
