package dev.keel.migrate;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds migration scripts in locations: {@code filesystem:dir} (or a bare path, relative to the
 * project) and {@code classpath:dir}, searched recursively. Reads each as strict UTF-8.
 */
public final class MigrationResolver {
    private final Path projectDir;
    private final List<String> locations;
    private final ClassLoader classLoader;

    public MigrationResolver(Path projectDir, List<String> locations, ClassLoader classLoader) {
        this.projectDir = projectDir;
        this.locations = List.copyOf(locations);
        this.classLoader = classLoader;
    }

    /** Versioned scripts by version, then repeatables by description. */
    public List<MigrationScript> resolve() {
        List<MigrationScript> scripts = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith("classpath:")) {
                scanClasspath(
                        location, location.substring("classpath:".length()).replaceAll("^/+", ""), scripts);
            } else {
                String dir = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
                scanDirectory(location, projectDir.resolve(dir), scripts);
            }
        }
        checkDuplicates(scripts);
        scripts.sort(Comparator.comparing((MigrationScript s) -> s.repeatable() ? 1 : 0)
                .thenComparing(s -> s.version(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MigrationScript::description));
        return scripts;
    }

    private void scanDirectory(String location, Path dir, List<MigrationScript> out) {
        if (!Files.isDirectory(dir)) {
            throw new KeelException(
                    MigrateError.LOCATION_INVALID,
                    "migration location " + location + " (" + dir + ") is not a directory",
                    "create it, or set migrations.locations in keel.yaml");
        }
        // Links are followed: a migrations folder kept elsewhere and linked in is common, and skipping it
        // silently would leave the database behind without a word. A loop is an error, not a hang.
        try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : files.sorted().toList()) {
                if (file.equals(dir)) {
                    continue;
                }
                String name = FileNames.name(file);
                if (Files.isDirectory(file)) {
                    if (isMigrationName(name)) {
                        throw notAFile(FileNames.relative(dir, file), file);
                    }
                    continue;
                }
                Optional<MigrationFileName.Parsed> parsed = MigrationFileName.parse(name);
                if (parsed.isPresent()) {
                    String script = FileNames.relative(dir, file);
                    if (!Files.isRegularFile(file)) {
                        throw notAFile(script, file);
                    }
                    out.add(script(parsed.get(), script, file.toString(), Files.readAllBytes(file)));
                }
            }
        } catch (UncheckedIOException e) {
            throw walkFailure(dir, e.getCause());
        } catch (IOException e) {
            throw walkFailure(dir, e);
        }
    }

    /** A folder may have any name but a valid migration's: that one would look applied-to-be and never run. */
    private static boolean isMigrationName(String name) {
        try {
            return MigrationFileName.parse(name).isPresent();
        } catch (MigrationException e) {
            return false;
        }
    }

    private static MigrationException notAFile(String script, Path file) {
        if (Files.isDirectory(file)) {
            return new MigrationException(
                    MigrateError.FILE_NOT_REGULAR,
                    script + " is a directory, but only migration files may carry a migration's name",
                    "rename the directory (or move its files up and remove it)");
        }
        if (Files.isSymbolicLink(file)) {
            return new MigrationException(
                    MigrateError.FILE_NOT_REGULAR,
                    script + " is a symbolic link to a file that does not exist",
                    "point the link at the migration file or remove it");
        }
        return new MigrationException(
                MigrateError.FILE_NOT_REGULAR,
                script + " is not a regular file",
                "replace it with a migration file or remove it");
    }

    private static KeelException walkFailure(Path dir, IOException e) {
        if (e instanceof FileSystemLoopException loop) {
            return new KeelException(
                    MigrateError.LOCATION_LOOP,
                    "the migrations in " + dir + " hold a symbolic link that leads back to a folder above it ("
                            + loop.getFile() + ")",
                    "remove that link: keel follows links and would otherwise never finish",
                    e);
        }
        return new KeelException(
                CoreError.IO_FAILED,
                "cannot read migrations in " + dir + ": " + e.getMessage(),
                "check the permissions",
                e);
    }

    private void scanClasspath(String location, String prefix, List<MigrationScript> out) {
        try {
            Enumeration<URL> roots = classLoader.getResources(prefix);
            if (!roots.hasMoreElements()) {
                // Jars built without directory entries hide the folder from getResources: look into the jars
                // themselves.
                List<Path> jars = classPathJars();
                int before = out.size();
                for (Path jar : jars) {
                    scanJarFile(jar, prefix, out);
                }
                if (out.size() == before && jars.stream().noneMatch(j -> hasPrefix(j, prefix))) {
                    throw new KeelException(
                            MigrateError.LOCATION_INVALID,
                            "migration location " + location + " is not on the class path",
                            "check the location or add the directory to the application's resources");
                }
                return;
            }
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("jar".equals(root.getProtocol())) {
                    scanJar(root, prefix, out);
                } else {
                    scanDirectory(location, Path.of(root.toURI()), out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> classPathJars() {
        List<Path> jars = new ArrayList<>();
        for (ClassLoader cl = classLoader; cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                        try {
                            jars.add(Path.of(url.toURI()));
                        } catch (URISyntaxException e) {
                            // not a local file
                        }
                    }
                }
            }
        }
        if (classLoader == ClassLoader.getSystemClassLoader()
                || classLoader == Thread.currentThread().getContextClassLoader()) {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    jars.add(Path.of(entry));
                }
            }
        }
        return jars;
    }

    private static boolean hasPrefix(Path jar, String prefix) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith(prefix + "/"));
        } catch (IOException e) {
            return false;
        }
    }

    private void scanJarFile(Path jar, String prefix, List<MigrationScript> out) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            scanEntries(file, prefix, out);
        }
    }

    private void scanJar(URL root, String prefix, List<MigrationScript> out) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            scanEntries(jar, prefix, out);
        }
    }

    private static void scanEntries(JarFile jar, String prefix, List<MigrationScript> out) throws IOException {
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        List<JarEntry> entries = jar.stream()
                .filter(e -> !e.isDirectory() && e.getName().startsWith(base))
                .sorted(Comparator.comparing(JarEntry::getName))
                .toList();
        for (JarEntry entry : entries) {
            String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            Optional<MigrationFileName.Parsed> parsed = MigrationFileName.parse(name);
            if (parsed.isPresent()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    out.add(script(
                            parsed.get(),
                            entry.getName().substring(base.length()),
                            "classpath:" + entry.getName(),
                            in.readAllBytes()));
                }
            }
        }
    }

    private static MigrationScript script(
            MigrationFileName.Parsed parsed, String script, String location, byte[] bytes) {
        String content = decode(script, bytes);
        return new MigrationScript(
                parsed.version(), parsed.description(), parsed.type(), script, location, content, Checksum.of(content));
    }

    private static String decode(String script, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new MigrationException(
                    MigrateError.ENCODING_INVALID,
                    script + " is not valid UTF-8 at line " + line + ", byte " + (offset - lineStart + 1)
                            + " of the line",
                    "convert the file to UTF-8 (for example: iconv -f LATIN1 -t UTF-8)");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static void checkDuplicates(List<MigrationScript> scripts) {
        Map<Object, MigrationScript> seen = new HashMap<>();
        for (MigrationScript s : scripts) {
            Object key = s.repeatable() ? "R:" + s.description() : s.version();
            MigrationScript other = seen.putIfAbsent(key, s);
            if (other != null) {
                throw new MigrationException(
                        MigrateError.VERSION_DUPLICATE,
                        (s.repeatable()
                                        ? "two repeatable migrations are named '" + s.description() + "'"
                                        : "two migrations have version " + s.version())
                                + ": " + other.location() + " and " + s.location(),
                        "give one of them another " + (s.repeatable() ? "description" : "version"));
            }
        }
    }
}
