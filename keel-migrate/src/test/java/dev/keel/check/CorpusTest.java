package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus under test resources: each dangerous migration beside its safe twin, each headed by the
 * rule ids it must raise ({@code -- expect: a, b} or {@code -- expect: none}) and optionally the
 * version ({@code -- pg: 11}) and {@code -- runner: other} for files another tool applies. A case is a
 * file, or a directory of files checked in name order.
 * Every expected finding must appear and no other: recall and precision both 100 %.
 */
class CorpusTest {
    private static final Pattern EXPECT = Pattern.compile("(?m)^-- expect: (.+)$");
    private static final Pattern VERSION = Pattern.compile("(?m)^-- pg: (\\d+)$");
    /** {@code -- runner: other}: the files are applied by another tool, without keel's safeguards. */
    private static final Pattern OTHER_RUNNER = Pattern.compile("(?m)^-- runner: other$");

    @Test
    void everyCaseRaisesExactlyItsExpectedRules() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<Path> cases = cases();
        for (Path c : cases) {
            List<Path> files = Files.isDirectory(c) ? sqlFiles(c) : List.of(c);
            String head = Files.readString(files.get(0), StandardCharsets.UTF_8);
            Matcher expect = EXPECT.matcher(head);
            assertThat(expect.find())
                    .as("%s has an -- expect: line", c.getFileName())
                    .isTrue();
            Set<String> expected = new TreeSet<>();
            if (!expect.group(1).strip().equals("none")) {
                for (String rule : expect.group(1).split(",")) {
                    expected.add(rule.strip());
                }
            }
            Matcher version = VERSION.matcher(head);
            int pg = version.find() ? Integer.parseInt(version.group(1)) : 17;
            List<CheckInput> inputs = new ArrayList<>();
            for (Path f : files) {
                inputs.add(new CheckInput(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
            Set<String> found = new TreeSet<>();
            new Checker(Rules.all(), pg, !OTHER_RUNNER.matcher(head).find())
                    .check(inputs)
                    .findings()
                    .forEach(f -> found.add(f.rule()));
            if (!found.equals(expected)) {
                mismatches.add(c.getFileName() + ": expected " + expected + " but found " + found);
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyRuleHasADocPageAndACorpusCase() throws Exception {
        Set<String> covered = new TreeSet<>();
        for (Path c : cases()) {
            Path first = Files.isDirectory(c) ? sqlFiles(c).get(0) : c;
            Matcher expect = EXPECT.matcher(Files.readString(first));
            if (expect.find()) {
                for (String rule : expect.group(1).split(",")) {
                    covered.add(rule.strip());
                }
            }
        }
        Path docs = Path.of("..", "docs", "checks");
        for (Rule rule : Rules.all()) {
            assertThat(docs.resolve(rule.id() + ".md"))
                    .as("doc page of %s", rule.id())
                    .exists();
            assertThat(covered).as("corpus case for %s", rule.id()).contains(rule.id());
        }
    }

    private static List<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> sqlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
