package dev.keel.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupFileSerializerTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void aWholeFileEntryWritesTheRecordsFieldsInOrderAndLeavesOutTheNullOnes() {
        String json = text(new BackupFile("base/1/1259", 8192, SHA, "backups/x/files/1", 120));

        assertThat(json)
                .isEqualTo("{\"path\":\"base/1/1259\",\"size\":8192,\"sha256\":\"" + SHA
                        + "\",\"object\":\"backups/x/files/1\",\"storedSize\":120}");
    }

    @Test
    void aBundledEntryWritesItsOffset() {
        String json = text(new BackupFile("base/1/2", 16384, SHA, "backups/x/bundles/0", 90, null, 4096L));

        assertThat(json).endsWith("\"storedSize\":90,\"offset\":4096}").doesNotContain("delta");
    }

    @Test
    void aDeltaEntryWritesItsDeltaAsAnObject() {
        String json = text(new BackupFile("base/1/3", 65536, SHA, "o", 10, new BlockDelta("p", 2, 16384, SHA)));

        assertThat(json)
                .endsWith("\"delta\":{\"over\":\"p\",\"blocks\":2,\"size\":16384,\"sha256\":\"" + SHA + "\"}}")
                .doesNotContain("offset");
    }

    @Test
    void everyKindOfEntryReadsBackEqual() throws Exception {
        record Files(List<BackupFile> files) {}
        Files files = new Files(List.of(
                new BackupFile("a", 1, SHA, "o1", 2),
                new BackupFile("b", 3, null, "o2", 4, null, 5L),
                new BackupFile("c", 6, SHA, "o3", 7, new BlockDelta("p", 1, 8192, SHA))));

        assertThat(Json.read(Json.writeCompact(files), Files.class)).isEqualTo(files);
    }

    private static String text(BackupFile file) {
        return new String(Json.writeCompact(file), StandardCharsets.UTF_8);
    }
}
