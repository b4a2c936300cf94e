package dev.keel.backup.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundlePlanTest {
    private static DataDirectoryContent.SourceFile file(String path, long size) {
        return new DataDirectoryContent.SourceFile(path, Path.of("/data").resolve(path), size);
    }

    @Test
    void smallFilesAreBundledLargeOnesAndPgControlTravelAlone() {
        List<DataDirectoryContent.SourceFile> files = List.of(
                file("base/1/112", 8192),
                file("base/1/113", 0),
                file("base/1/16384", BundlePlan.SMALL_FILE),
                file("global/pg_control", 8192),
                file("PG_VERSION", 3));

        BundlePlan plan = BundlePlan.of(files, 4);

        assertThat(plan.bundles()).hasSize(1);
        assertThat(plan.bundles().get(0))
                .extracting(DataDirectoryContent.SourceFile::path)
                .containsExactly("base/1/112", "base/1/113", "PG_VERSION");
        assertThat(plan.alone())
                .extracting(DataDirectoryContent.SourceFile::path)
                .containsExactly("base/1/16384", "global/pg_control");
    }

    @Test
    void manySmallFilesFillBundlesUpToTheLimitInDataDirectoryOrder() {
        List<DataDirectoryContent.SourceFile> files = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            files.add(file("base/5/" + (16384 + i), 24 * 1024));
        }

        BundlePlan plan = BundlePlan.of(files, 2);

        assertThat(plan.alone()).isEmpty();
        assertThat(plan.bundles().stream().flatMap(List::stream).toList()).isEqualTo(files);
        assertThat(plan.bundles())
                .allMatch(b -> b.stream()
                                .mapToLong(DataDirectoryContent.SourceFile::size)
                                .sum()
                        <= BundlePlan.LARGEST_BUNDLE);
        assertThat(plan.bundles().size()).isBetween(29, 31);
    }

    @Test
    void aFewMegabytesOfSmallFilesAreSpreadOverTheParallelWorkers() {
        List<DataDirectoryContent.SourceFile> files = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            files.add(file("base/5/" + (16384 + i), 8 * 1024));
        }

        assertThat(BundlePlan.of(files, 4).bundles()).hasSizeBetween(4, 5);
        assertThat(BundlePlan.of(files, 1).bundles()).hasSize(1);
    }

    @Test
    void noFilesMakeNoBundles() {
        BundlePlan plan = BundlePlan.of(List.of(), 4);

        assertThat(plan.bundles()).isEmpty();
        assertThat(plan.alone()).isEmpty();
    }
}
