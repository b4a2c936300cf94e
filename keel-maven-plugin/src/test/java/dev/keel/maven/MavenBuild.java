package dev.keel.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Maven build of a sample project from src/it: the Maven that runs this build, the plugin from the repository
 * that invoker:install filled (target/local-repo), and everything else from the user's local repository through a
 * file mirror, so the build never reaches the network.
 */
final class MavenBuild {
    /** A cold Maven with keel's class path takes seconds; this only stops a hung build from hanging the suite. */
    private static final long DEADLINE_MINUTES = 5;

    record Result(int exitCode, String log) {}

    private final Path workDir;
    private final Path settings;

    private MavenBuild(Path workDir, Path settings) {
        this.workDir = workDir;
        this.settings = settings;
    }

    /** A copy of each sample project under {@code workDir}, and the settings file its builds use. */
    static MavenBuild in(Path workDir) {
        Path settings = workDir.resolve("settings.xml");
        String xml = """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror><id>user-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(
                        property("keel.it.localRepo"),
                        Path.of(property("keel.it.userRepo")).toUri());
        try {
            Files.writeString(settings, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MavenBuild(workDir, settings);
    }

    /** A fresh copy of src/it/{@code name}, with the plugin's version filled in. */
    Path project(String name) {
        Path from = Path.of(property("keel.it.projects"), name);
        Path to = workDir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    String text = Files.readString(source, StandardCharsets.UTF_8);
                    Files.writeString(target, text.replace("@project.version@", property("keel.it.pluginVersion")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** Runs Maven in {@code project} with only the KEEL_* and PG* variables given in {@code env}. */
    Result run(Path project, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        command.addAll(List.of("-B", "-ntp", "-s", settings.toString()));
        command.addAll(List.of(args));
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("KEEL_") || k.startsWith("PG") || k.equals("MAVEN_ARGS"));
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Xshare:auto");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(DEADLINE_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("mvn " + String.join(" ", args) + " did not finish within " + DEADLINE_MINUTES
                        + " minutes; its log so far:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while Maven ran", e);
        }
    }

    /** The Maven that runs this build (surefire passes its home), else the one on the PATH. */
    private static String mavenExecutable() {
        String home = System.getProperty("keel.it.mavenHome");
        return home == null || home.isBlank()
                ? "mvn"
                : Path.of(home, "bin", "mvn").toString();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set: run this test through Maven (mvn verify), which sets it");
        }
        return value;
    }
}
