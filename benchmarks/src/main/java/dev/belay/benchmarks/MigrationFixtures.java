package dev.belay.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Revision;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The same chain of small migrations for each tool: {@code count} revisions that each create a
 * table with a primary key, as Belay revision classes (compiled here, in package
 * {@value #PACKAGE}), Flyway SQL migrations, and a Liquibase formatted-SQL changelog.
 */
final class MigrationFixtures {

    static final String PACKAGE = "bench.revisions";

    final int count;

    final Path flywayDirectory;

    final Path liquibaseChangelog;

    final URLClassLoader revisionClassLoader;

    private MigrationFixtures(int count, Path flywayDirectory, Path liquibaseChangelog,
            URLClassLoader revisionClassLoader) {
        this.count = count;
        this.flywayDirectory = flywayDirectory;
        this.liquibaseChangelog = liquibaseChangelog;
        this.revisionClassLoader = revisionClassLoader;
    }

    static MigrationFixtures create(int count) throws IOException {
        Path root = Files.createTempDirectory("belay-bench");
        Path flyway = Files.createDirectories(root.resolve("flyway"));
        StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
        Path sources = Files.createDirectories(root.resolve("src").resolve(PACKAGE.replace('.', '/')));
        List<File> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String table = table(i);
            String create = "CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text)";
            Files.writeString(flyway.resolve("V" + i + "__create_" + table + ".sql"), create + ";\n");
            changelog.append("--changeset bench:").append(i).append('\n').append(create).append(";\n")
                .append("--rollback DROP TABLE ").append(table).append(";\n\n");
            Path source = sources.resolve(className(i) + ".java");
            Files.writeString(source, revisionSource(i, create), StandardCharsets.UTF_8);
            files.add(source.toFile());
        }
        Path changelogFile = root.resolve("changelog.sql");
        Files.writeString(changelogFile, changelog);
        Path classes = Files.createDirectories(root.resolve("classes"));
        compile(files, classes);
        URLClassLoader loader = new URLClassLoader(new URL[] { url(classes) },
                MigrationFixtures.class.getClassLoader());
        return new MigrationFixtures(count, flyway, changelogFile, loader);
    }

    /** One instance of every revision class, for the plain runner. */
    List<Revision> revisionInstances() {
        List<Revision> revisions = new ArrayList<>(this.count);
        try {
            for (int i = 1; i <= this.count; i++) {
                Class<?> type = this.revisionClassLoader.loadClass(PACKAGE + "." + className(i));
                revisions.add((Revision) type.getDeclaredConstructor().newInstance());
            }
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Could not create the generated revisions", ex);
        }
        return revisions;
    }

    static String revisionSource(int i, String create) {
        String after = (i == 1) ? "" : ", after = \"" + id(i - 1) + "\"";
        return "package " + PACKAGE + ";\n\n"
                + "import dev.belay.revision.MigrationRevision;\n"
                + "import dev.belay.revision.Migrator;\n"
                + "import dev.belay.revision.Revision;\n\n"
                + "@MigrationRevision(id = \"" + id(i) + "\"" + after + ", message = \"create " + table(i) + "\")\n"
                + "public class " + className(i) + " implements Revision {\n\n"
                + "    public void up(Migrator migrator) {\n"
                + "        migrator.actions().execute(\"" + create + "\");\n"
                + "    }\n\n"
                + "    public void down(Migrator migrator) {\n"
                + "        migrator.actions().execute(\"DROP TABLE " + table(i) + "\");\n"
                + "    }\n\n"
                + "}\n";
    }

    private static void compile(List<File> sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("The benchmarks compile their revision classes: run them on a JDK");
        }
        Set<String> classpath = new LinkedHashSet<>();
        for (Class<?> needed : List.of(MigrationRevision.class, Component.class, JdbcTemplate.class)) {
            classpath.add(new File(needed.getProtectionDomain().getCodeSource().getLocation().getPath()).getPath());
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean compiled = compiler
                .getTask(null, files, null,
                        List.of("-proc:none", "-d", classes.toString(), "-cp", String.join(File.pathSeparator, classpath)),
                        null, files.getJavaFileObjectsFromFiles(sources))
                .call();
            if (!compiled) {
                throw new IllegalStateException("Could not compile the generated revisions");
            }
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        }
        catch (MalformedURLException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "r%04d", i);
    }

    static String table(int i) {
        return String.format(Locale.ROOT, "t%04d", i);
    }

    static String className(int i) {
        return String.format(Locale.ROOT, "Revision%04d", i);
    }

}
