package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application that only migrates must not carry the S3 SDK or Keel's agent (its web server): the starter's class
 * path, which this test runs on, has neither. (The embedded server's binaries are excluded too, but keel-testing
 * brings them back in test scope.)
 */
class StarterClassPathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "software.amazon.awssdk.services.s3.S3Client",
                "software.amazon.awssdk.core.SdkClient",
                "dev.keel.agent.Agent",
                "com.github.luben.zstd.Zstd"
            })
    void isAbsent(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
