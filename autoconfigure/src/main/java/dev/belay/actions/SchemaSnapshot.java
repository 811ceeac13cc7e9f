package dev.belay.actions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.belay.schema.Cast;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.DbObject;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Index;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;
import dev.belay.schema.UnmanagedObject;

import org.jspecify.annotations.Nullable;

/**
 * A schema as text that is cheap to keep and compare: one line per object, the object's name
 * and the SQL that creates it ({@code column "ride"."distance"} and
 * {@code ALTER TABLE ride ADD COLUMN distance numeric(8,2) NOT NULL}), sorted. Its
 * {@linkplain #fingerprint() fingerprint} says whether two schemas are the same without
 * comparing them; its {@linkplain #compressed() compressed} form is kept in the history table,
 * so that a later difference can be explained object by object without building anything.
 * <p>
 * Lines come from the same {@link DatabaseActions} recipes that revisions run, so two schemas
 * have the same lines exactly when Belay sees them as equal (column order aside, which carries
 * no meaning), and a line reads as SQL a person knows.
 */
public final class SchemaSnapshot {

    /** The version of the line format; a fingerprint of another version compares unequal. */
    static final String FORMAT = "belay-schema-1";

    private final SortedMap<String, String> lines;

    private SchemaSnapshot(SortedMap<String, String> lines) {
        this.lines = lines;
    }

    /** The snapshot of a schema. */
    public static SchemaSnapshot of(Schema schema) {
        SortedMap<String, String> lines = new TreeMap<>();
        JoiningSink sink = new JoiningSink();
        DatabaseActions actions = new DatabaseActions(sink);
        for (DbObject object : schema.objects()) {
            create(object, actions);
            lines.put(object.id().toString(), sink.take());
        }
        for (UnmanagedObject object : schema.unmanaged()) {
            lines.put(object.kind() + " " + object.name(), "(not managed by Belay)");
        }
        return new SchemaSnapshot(lines);
    }

    /** Reads a snapshot kept with {@link #compressed()}. */
    public static SchemaSnapshot decompress(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read a schema snapshot", ex);
        }
    }

    /**
     * Reads a snapshot's {@linkplain #text() text}.
     * @throws IllegalArgumentException when the text is not a snapshot of this format
     */
    public static SchemaSnapshot parse(String text) {
        SortedMap<String, String> lines = new TreeMap<>();
        String[] all = text.split("\n", -1);
        if (all.length == 0 || !all[0].equals(FORMAT)) {
            throw new IllegalArgumentException("Not a schema snapshot of format " + FORMAT);
        }
        for (int i = 1; i < all.length; i++) {
            if (all[i].isEmpty()) {
                continue;
            }
            int tab = all[i].indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of a schema snapshot has no tab");
            }
            lines.put(unescape(all[i].substring(0, tab)), unescape(all[i].substring(tab + 1)));
        }
        return new SchemaSnapshot(lines);
    }

    /** Each object's name with the SQL that creates it, sorted by name. */
    public SortedMap<String, String> lines() {
        return java.util.Collections.unmodifiableSortedMap(this.lines);
    }

    /** The text: the format, then one line per object. */
    public String text() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        this.lines.forEach((name, sql) -> {
            appendEscaped(text, name);
            text.append('\t');
            appendEscaped(text, sql);
            text.append('\n');
        });
        return text.toString();
    }

    /**
     * A short, stable name for the schema: {@value #FORMAT} and the SHA-256 of the text, so equal
     * schemas have equal fingerprints.
     */
    public String fingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
        // The bytes of text(), fed to the digest a line at a time rather than built as one string.
        StringBuilder line = new StringBuilder(256).append(FORMAT).append('\n');
        for (Map.Entry<String, String> entry : this.lines.entrySet()) {
            appendEscaped(line, entry.getKey());
            line.append('\t');
            appendEscaped(line, entry.getValue());
            line.append('\n');
            if (line.length() >= 8192) {
                digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
                line.setLength(0);
            }
        }
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        return FORMAT + ":" + HexFormat.of().formatHex(digest.digest());
    }

    /** The text, gzipped: what the history table keeps. */
    public byte[] compressed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text().getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * What differs between this snapshot (before) and another (after), object by object, in the
     * order of the objects' names.
     */
    public List<ObjectDifference> differencesTo(SchemaSnapshot after) {
        List<ObjectDifference> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(this.lines.keySet());
        names.addAll(after.lines.keySet());
        for (String name : names) {
            String was = this.lines.get(name);
            String is = after.lines.get(name);
            if (!Objects.equals(was, is)) {
                differences.add(new ObjectDifference(name, was, is));
            }
        }
        return differences;
    }

    /**
     * The effect of going from this snapshot to another: the lines only in this one (with a
     * leading {@code -}) and those only in the other ({@code +}), sorted. Two changes have the
     * same effect exactly when these are equal, whatever else the schemas hold.
     */
    public SchemaSnapshot effectTo(SchemaSnapshot after) {
        SortedMap<String, String> effect = new TreeMap<>();
        for (ObjectDifference difference : differencesTo(after)) {
            if (difference.before() != null) {
                effect.put("-" + difference.object(), difference.before());
            }
            if (difference.after() != null) {
                effect.put("+" + difference.object(), difference.after());
            }
        }
        return new SchemaSnapshot(effect);
    }

    /**
     * This snapshot without the lines of the named tables and their parts (columns, keys,
     * constraints, indexes). Sequences they own stay: their lines do not name the table.
     */
    public SchemaSnapshot withoutTables(Collection<String> tables) {
        SortedMap<String, String> kept = new TreeMap<>(this.lines);
        for (String table : tables) {
            String quoted = Identifiers.quote(table);
            kept.keySet().removeIf((name) -> name.equals(ObjectId.table(table).toString())
                    || Arrays.stream(ObjectKind.values())
                        .anyMatch((kind) -> name.startsWith(kind.description() + " " + quoted + ".")));
        }
        return (kept.size() == this.lines.size()) ? this : new SchemaSnapshot(kept);
    }

    /** Whether it has no line (an empty schema, or an effect that changes nothing). */
    public boolean isEmpty() {
        return this.lines.isEmpty();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SchemaSnapshot snapshot && this.lines.equals(snapshot.lines);
    }

    @Override
    public int hashCode() {
        return this.lines.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * One object that differs: its name and its SQL before and after ({@code null} on the side
     * that does not have it).
     *
     * @param object the object, e.g. {@code column "ride"."distance"}
     * @param before the SQL that creates it before, or {@code null} when it did not exist
     * @param after the SQL that creates it after, or {@code null} when it is gone
     */
    public record ObjectDifference(String object, @Nullable String before, @Nullable String after) {

        /** In words: {@code column "ride"."distance" was ALTER TABLE ... and is now ALTER TABLE ...}. */
        public String describe() {
            if (this.before == null) {
                return this.object + " was added: " + this.after;
            }
            if (this.after == null) {
                return this.object + " is gone (was: " + this.before + ")";
            }
            return this.object + " changed from: " + this.before + " to: " + this.after;
        }

    }

    /**
     * Joins the statements of one object with {@code "; "} as they come, instead of recording
     * them: a large schema has tens of thousands of objects.
     */
    private static final class JoiningSink implements StatementSink {

        private final StringBuilder sql = new StringBuilder(128);

        @Override
        public void execute(SqlStatement statement) {
            if (!this.sql.isEmpty()) {
                this.sql.append("; ");
            }
            this.sql.append(statement.sql());
        }

        /** The statements since the last call, joined. */
        String take() {
            String joined = this.sql.toString();
            this.sql.setLength(0);
            return joined;
        }

    }

    private static void create(DbObject object, DatabaseActions actions) {
        if (object instanceof EnumType type) {
            actions.createEnumType(type.name(), type.labels());
        }
        else if (object instanceof Sequence sequence) {
            actions.createSequence(sequence.name(), sequence.options());
            if (sequence.ownedBy() != null) {
                actions.setSequenceOwner(sequence.name(), sequence.ownedBy().table(), sequence.ownedBy().column());
            }
        }
        else if (object instanceof Table table) {
            actions.createTable(table.name(), List.of());
            if (table.comment() != null) {
                actions.setTableComment(table.name(), table.comment());
            }
        }
        else if (object instanceof Column column) {
            actions.addColumn(column.table(), column);
        }
        else if (object instanceof PrimaryKey key) {
            actions.addPrimaryKey(key);
        }
        else if (object instanceof ForeignKey key) {
            actions.addForeignKey(key);
        }
        else if (object instanceof UniqueConstraint unique) {
            actions.addUniqueConstraint(unique);
        }
        else if (object instanceof CheckConstraint check) {
            actions.addCheckConstraint(check);
        }
        else if (object instanceof Index index) {
            actions.createIndex(index);
        }
        else if (object instanceof Cast cast) {
            actions.createCast(cast.source(), cast.target(), cast.method(), cast.context());
        }
    }

    /** Appends the text with backslashes, newlines and tabs escaped ({@code \\}, {@code \n}, {@code \t}). */
    private static void appendEscaped(StringBuilder out, String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\n' || c == '\t') {
                out.append(text, 0, i);
                for (int j = i; j < length; j++) {
                    char d = text.charAt(j);
                    switch (d) {
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\t' -> out.append("\\t");
                        default -> out.append(d);
                    }
                }
                return;
            }
        }
        out.append(text);
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append((next == 'n') ? '\n' : (next == 't') ? '\t' : next);
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

}
