package dev.belay.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The JPA mapping as Hibernate's own {@code create} DDL for it, computed in memory (no database),
 * one statement per line, whitespace collapsed and sorted, so that it does not depend on the order
 * Hibernate happens to emit. {@code belay generate} keeps it beside each revision it writes
 * ({@value #DIRECTORY}{@code <revision id>.sql} among the resources), and a start compares the
 * mapping's {@linkplain #fingerprint() fingerprint} with it: a different fingerprint means the
 * mapping changed since the last revision was written for it, which {@code belay generate}
 * should turn into a revision. The statements that differ say which tables.
 */
public final class MappingSnapshot {

    /** Where, among the resources, the mapping of each generated revision is kept. */
    public static final String DIRECTORY = "belay/mappings/";

    static final String FORMAT = "belay-mapping-1";

    private static final Pattern SUBJECT = Pattern.compile(
            "(?i)^(?:create|alter|drop|comment on)\\s+(?:(?:unique|temporary|global|local)\\s+)*"
                    + "(table|index|sequence|type|cast|column)\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?"
                    + "(?:\\S+\\s+on\\s+)?(\"(?:[^\"]|\"\")+\"|[^\\s(]+)");

    /** How a mapping snapshot writes a {@link Deferral}, on a comment line of its own. */
    private static final String DEFERRED = "-- deferred: ";

    private final List<String> statements;

    private final List<Deferral> deferred;

    private MappingSnapshot(List<String> statements, List<Deferral> deferred) {
        this.statements = statements;
        this.deferred = List.copyOf(deferred);
    }

    /** The snapshot of Hibernate's DDL statements for a mapping. */
    public static MappingSnapshot of(List<String> ddl) {
        TreeSet<String> statements = new TreeSet<>();
        for (String statement : ddl) {
            String normalized = collapseWhitespace(statement.strip());
            if (normalized.endsWith(";")) {
                normalized = normalized.substring(0, normalized.length() - 1).strip();
            }
            if (!normalized.isEmpty()) {
                statements.add(normalized);
            }
        }
        return new MappingSnapshot(List.copyOf(statements), List.of());
    }

    /**
     * The text with each run of whitespace ({@code [ \t\n\x0B\f\r]}, as the regular expression
     * {@code \s} means it) made one space; what {@code replaceAll("\\s+", " ")} does, without a
     * regular expression, since a large mapping has thousands of statements and a start normalizes
     * them twice (the mapping's and the kept snapshot's).
     */
    static String collapseWhitespace(String text) {
        StringBuilder collapsed = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                if (collapsed != null) {
                    collapsed.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < length && isSpace(text.charAt(end))) {
                end++;
            }
            if (collapsed == null && (c != ' ' || end > i + 1)) {
                collapsed = new StringBuilder(length).append(text, 0, i);
            }
            if (collapsed != null) {
                collapsed.append(' ');
            }
            i = end - 1;
        }
        return (collapsed != null) ? collapsed.toString() : text;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Reads a snapshot written by {@link #text(String)}. */
    public static MappingSnapshot parse(String text) {
        List<String> statements = new ArrayList<>();
        List<Deferral> deferred = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(DEFERRED)) {
                Deferral.parse(line.substring(DEFERRED.length())).ifPresent(deferred::add);
            }
            else if (!line.isBlank() && !line.startsWith("--")) {
                statements.add(line.strip());
            }
        }
        return of(statements).withDeferred(deferred);
    }

    /**
     * The same mapping with the steps of expand/contract changes that wait for a later release
     * (they are not part of the {@linkplain #fingerprint() fingerprint}: the mapping is the same).
     */
    public MappingSnapshot withDeferred(List<Deferral> deferred) {
        return new MappingSnapshot(this.statements, deferred);
    }

    /** The steps of expand/contract changes that wait for a later release. */
    public List<Deferral> deferred() {
        return this.deferred;
    }

    /**
     * The snapshot kept for a revision among the class loader's resources, if there is one.
     * @throws IllegalStateException when it cannot be read
     */
    public static Optional<MappingSnapshot> find(ClassLoader classLoader, String revision) {
        try (InputStream in = classLoader.getResourceAsStream(resource(revision))) {
            return (in != null) ? Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    : Optional.empty();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not read " + resource(revision), ex);
        }
    }

    /** The resource name of a revision's snapshot, e.g. {@code belay/mappings/20261121_1530_add_author.sql}. */
    public static String resource(String revision) {
        return DIRECTORY + revision + ".sql";
    }

    /**
     * Writes the snapshot for a revision below a resources directory (replacing an older one).
     * @return the file written
     */
    public Path writeTo(Path resources, String revision) throws IOException {
        Path file = resources.resolve(resource(revision));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(revision), StandardCharsets.UTF_8);
        return file;
    }

    /** The statements, normalized and sorted. */
    public List<String> statements() {
        return this.statements;
    }

    /** The file's text: a comment that says what it is, then one statement per line. */
    public String text(String revision) {
        StringBuilder text = new StringBuilder("-- ").append(FORMAT)
            .append(": Hibernate's DDL for the JPA mapping that revision ")
            .append(revision)
            .append(" was written for.\n-- Written by belay generate; a start compares the mapping with it. "
                    + "Keep it with the revision.\n");
        if (!this.deferred.isEmpty()) {
            text.append("-- Left for a later release by belay generate --expand-contract (the release before still "
                    + "uses them); belay generate --contract finishes them:\n");
            this.deferred.forEach((deferral) -> text.append(DEFERRED).append(deferral.text()).append('\n'));
        }
        this.statements.forEach((statement) -> text.append(statement).append('\n'));
        return text.toString();
    }

    /** {@value #FORMAT} and the SHA-256 of the statements. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String statement : this.statements) {
                digest.update(statement.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return FORMAT + ":" + HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /**
     * What changed from this snapshot (recorded) to another (now): the statements only now, those
     * no longer, and the tables, types and sequences they are about.
     */
    public Changes changesTo(MappingSnapshot now) {
        Set<String> before = new HashSet<>(this.statements);
        Set<String> after = new HashSet<>(now.statements);
        List<String> added = now.statements.stream().filter((statement) -> !before.contains(statement)).toList();
        List<String> removed = this.statements.stream().filter((statement) -> !after.contains(statement)).toList();
        Set<String> subjects = new TreeSet<>();
        added.forEach((statement) -> subject(statement).ifPresent(subjects::add));
        removed.forEach((statement) -> subject(statement).ifPresent(subjects::add));
        return new Changes(added, removed, List.copyOf(subjects));
    }

    /** The object a statement is about, e.g. {@code table ride}. */
    static Optional<String> subject(String statement) {
        Matcher matcher = SUBJECT.matcher(statement);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT) + " " + matcher.group(2))
                : Optional.empty();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof MappingSnapshot snapshot && this.statements.equals(snapshot.statements)
                && this.deferred.equals(snapshot.deferred);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.statements);
    }

    /**
     * How the mapping changed.
     *
     * @param added Hibernate's statements for the mapping now that it did not have
     * @param removed the statements it had that it has no more
     * @param subjects what they are about, e.g. {@code table ride}, sorted
     */
    public record Changes(List<String> added, List<String> removed, List<String> subjects) {

    }

}
