package dev.belay.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.diff.Change;
import dev.belay.diff.Hazard;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.PlanNote;
import dev.belay.diff.SegmentedPlan;

import org.jspecify.annotations.Nullable;

/**
 * Writes a revision as a Java class a person can read and edit:
 * <pre>{@code
 * @MigrationRevision(id = "20261121_153000_add_author", after = "20261120_090000_init", message = "add author")
 * public class V20261121_153000_AddAuthor implements Revision {
 *
 *     @Override
 *     public void up(Migrator m) {
 *         m.actions().addColumn("article", column("author", "text"));
 *     }
 *
 *     @Override
 *     public void down(Migrator m) {
 *         // DATA_LOSS column article.author: drops the column and its data
 *         m.actions().dropColumn("article", "author");
 *     }
 * }
 * }</pre>
 * {@code up} makes the plan's changes and {@code down} those of the plan back, each change one
 * {@link DatabaseActions} call, so the revision does exactly what {@code belay diff} showed. Above
 * each step that carries hazards, a comment says what it does to data and locks. Calls are written
 * in the recipe book's short forms, with only what differs from their defaults (see
 * {@link ActionCalls}), so that a revision reads like one written by hand.
 * <p>
 * A plan whose statements cannot all share one transaction (online-safe plans; an enum label
 * added and then used) is written as a short chain of revisions, one per
 * {@linkplain dev.belay.diff.PlanSegment segment}: the transactional steps in transactional
 * revisions, the steps that must or should commit on their own in revisions declared
 * {@code transactional = false, idempotent = true}. Each revision's Javadoc says which part of
 * the chain it is and why it runs as it does.
 */
public final class RevisionGenerator {

    private static final String INDENT = "    ";

    private static final int JAVADOC_WIDTH = 96;

    /** What happens to a non-transactional revision that is not idempotent when a statement fails. */
    private static final String INCOMPLETE = ": each statement commits on its own, and if one fails, the revision is "
            + "left incomplete for a person to finish (Belay names it and says how).";

    /*
     * The revision API by name: the generator writes source that uses it, but does not itself load
     * the annotation (a Spring @Component) or the Migrator (which hands out a JdbcTemplate).
     */
    private static final ClassName MIGRATION_REVISION = ClassName.get("dev.belay.revision", "MigrationRevision");

    private static final ClassName REVISION = ClassName.get("dev.belay.revision", "Revision");

    private static final ClassName MIGRATOR = ClassName.get("dev.belay.revision", "Migrator");

    private static final ClassName MIGRATION_EXCEPTION = ClassName.get("dev.belay.revision", "MigrationException");

    /**
     * The one revision that makes the changes of a plan that fits in one revision (see
     * {@link MigrationPlan#segments()}), and undoes them on the way down.
     * @throws IllegalArgumentException if the plan must be written as a chain of revisions: see
     * {@link #generate(RevisionHeader, SegmentedPlan)}
     */
    public GeneratedRevision generate(RevisionHeader header, MigrationPlan plan) {
        if (plan.segments().size() > 1) {
            throw new IllegalArgumentException("The plan is written as a chain of " + plan.segments().size()
                    + " revisions (some of its steps must commit on their own): generate it from a SegmentedPlan");
        }
        if (plan.isEmpty()) {
            return generate(header, List.of(), List.of());
        }
        return generate(header, SegmentedPlan.of(plan)).get(0);
    }

    /**
     * The revisions that make a plan's changes, one per segment, each after the one before: the
     * first is {@code header}, the others {@linkplain RevisionHeader#part(int, int) its parts}. A
     * plan that fits in one transaction gives one revision. A chain's transactional revisions are
     * all or nothing; its non-transactional ones are declared {@code idempotent = true}, since
     * every step in them is safe to run again, so the runner resumes one that stopped midway. Each
     * revision's {@code down} undoes its own {@code up}.
     */
    public List<GeneratedRevision> generate(RevisionHeader header, SegmentedPlan plan) {
        Objects.requireNonNull(header, "header");
        List<SegmentedPlan.Part> parts = plan.parts();
        if (parts.isEmpty()) {
            return List.of(generate(header, List.of(), List.of()));
        }
        List<GeneratedRevision> revisions = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            SegmentedPlan.Part part = parts.get(i);
            Steps up = Steps.of(part.segment().changes());
            Steps down = Steps.of(part.down().changes());
            Optional<String> notTransactional = whyNotTransactional(part, up, down);
            Chain chain = (parts.size() > 1) ? new Chain(i + 1, parts.size(), plan.plan().options().onlineSafe())
                    : null;
            // The plan's notes go with its first revision: they are about the plan, not a part of it.
            revisions.add(generate(header.part(i + 1, parts.size()), up, down, notTransactional, part.idempotent(),
                    chain, (i == 0) ? plan.plan().notes() : List.of()));
        }
        return List.copyOf(revisions);
    }

    /** Why a part of a chain runs without a transaction, for its Javadoc; empty when it runs in one. */
    private static Optional<String> whyNotTransactional(SegmentedPlan.Part part, Steps up, Steps down) {
        if (part.transactional()) {
            return Optional.empty();
        }
        if (part.idempotent()) {
            return Optional.of(TransactionNeeds.onItsOwnAndIdempotent(up.changes(), up.statements(), down.changes()));
        }
        // A transactional segment whose way back cannot share one transaction: written as before chains.
        String reason = up.whyNotTransactional()
            .or(down::whyNotTransactional)
            .orElseGet(() -> TransactionNeeds.whyOnTheirOwn(up.changes(), up.statements()));
        return Optional.of(JavaText.javadoc(reason) + INCOMPLETE);
    }

    /** A revision whose {@code up} and {@code down} make the given changes, in order. */
    public GeneratedRevision generate(RevisionHeader header, List<Change> up, List<Change> down) {
        Objects.requireNonNull(header, "header");
        Steps upSteps = Steps.of(up);
        Steps downSteps = Steps.of(down);
        Optional<String> notTransactional = upSteps.whyNotTransactional()
            .or(downSteps::whyNotTransactional)
            .map((reason) -> JavaText.javadoc(reason) + INCOMPLETE);
        return generate(header, upSteps, downSteps, notTransactional, false, null, List.of());
    }

    private GeneratedRevision generate(RevisionHeader header, Steps up, Steps down, Optional<String> notTransactional,
            boolean idempotent, @Nullable Chain chain, List<PlanNote> notes) {
        CodeBlock upCode = up.code();
        CodeBlock downCode = down.code();
        TypeSpec type = TypeSpec.classBuilder(header.className())
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(REVISION)
            .addJavadoc("$L", javadoc(header, up.changes(), notTransactional, chain, notes))
            .addAnnotation(annotation(header, notTransactional.isEmpty(), idempotent))
            .addMethod(method("up", up, upCode))
            .addMethod(method("down", down, downCode))
            .build();
        JavaFile.Builder file = JavaFile.builder(header.packageName(), type).indent(INDENT).skipJavaLangImports(true);
        String code = upCode.toString() + downCode;
        for (DefinitionCode.StaticMember factory : DefinitionCode.FACTORIES) {
            if (factory.calledIn(code)) {
                file.addStaticImport(factory.type(), factory.name());
            }
        }
        return new GeneratedRevision(header, notTransactional.isEmpty(), idempotent, file.build().toString());
    }

    /**
     * The baseline of a database taken over as it is: {@code up} builds its schema (on an empty
     * database; one that has that schema already is recorded at the baseline without running
     * it), and {@code down} refuses, since on a database taken over it would drop every table
     * that was there before Belay, rows and all.
     * @param header the baseline's id and message; it comes after nothing
     * @param up the changes that build the schema from nothing
     * @param about paragraphs for the Javadoc: where the schema comes from, what it leaves out
     */
    public GeneratedRevision baseline(RevisionHeader header, List<Change> up, List<String> about) {
        if (!header.after().isEmpty()) {
            throw new IllegalArgumentException("A baseline comes after nothing, not " + header.after());
        }
        Steps steps = Steps.of(up);
        if (steps.whyNotTransactional().isPresent()) {
            throw new IllegalArgumentException("A baseline builds its schema in one transaction, and this one cannot: "
                    + steps.whyNotTransactional().get());
        }
        CodeBlock upCode = steps.code();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(JavaText.javadoc(header.message().strip()));
        paragraphs.add("The baseline of a database that Belay took over as it was: generated by Belay from the "
                + "database's schema (not from the JPA mapping), " + count(up.size(), "change") + ". A database "
                + "without Belay's history whose schema is exactly the one recorded beside this revision (in "
                + "{@code belay/baselines/" + header.id() + ".schema}) is recorded at it without running it; an "
                + "empty database is built by it.");
        about.stream().map(JavaText::javadoc).forEach(paragraphs::add);
        AnnotationSpec annotation = annotation(header, true, false).toBuilder().addMember("baseline", "true").build();
        MethodSpec down = MethodSpec.methodBuilder("down")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(MIGRATOR, ActionCalls.MIGRATOR)
            .addComment("On a database taken over, rolling the baseline back would drop every table that was there")
            .addComment("before Belay, rows and all. To start a database over, drop its schema by hand.")
            .addStatement("throw new $T($S\n+ $S,\n$S)", MIGRATION_EXCEPTION,
                    "Revision '" + header.id() + "' is the baseline: ",
                    "Belay's history of this database starts here, and there is nothing before it to roll back to.",
                    "Nothing was changed. To start the database over, drop its schema by hand.")
            .build();
        TypeSpec type = TypeSpec.classBuilder(header.className())
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(REVISION)
            .addJavadoc("$L", String.join("\n<p>\n", paragraphs.stream().map(RevisionGenerator::wrap).toList()) + "\n")
            .addAnnotation(annotation)
            .addMethod(method("up", steps, upCode))
            .addMethod(down)
            .build();
        JavaFile.Builder file = JavaFile.builder(header.packageName(), type).indent(INDENT).skipJavaLangImports(true);
        for (DefinitionCode.StaticMember factory : DefinitionCode.FACTORIES) {
            if (factory.calledIn(upCode.toString())) {
                file.addStaticImport(factory.type(), factory.name());
            }
        }
        return new GeneratedRevision(header, true, false, file.build().toString());
    }

    /** A revision that joins the heads it comes after, with nothing to do on the way up or down. */
    public GeneratedRevision merge(RevisionHeader header) {
        if (header.after().size() < 2) {
            throw new IllegalArgumentException("A merge revision comes after two heads or more, not " + header.after());
        }
        return generate(header, List.of(), List.of());
    }

    private static AnnotationSpec annotation(RevisionHeader header, boolean transactional, boolean idempotent) {
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(MIGRATION_REVISION)
            .addMember("id", JavaText.code("$S", header.id()));
        if (header.after().size() == 1) {
            annotation.addMember("after", JavaText.code("$S", header.after().get(0)));
        }
        else if (header.after().size() > 1) {
            annotation.addMember("after", "{$L}", ModelCode.strings(header.after()));
        }
        annotation.addMember("message", JavaText.code("$S", header.message()));
        if (!transactional) {
            annotation.addMember("transactional", "false");
        }
        if (idempotent) {
            annotation.addMember("idempotent", "true");
        }
        return annotation.build();
    }

    private static String javadoc(RevisionHeader header, List<Change> up, Optional<String> notTransactional,
            @Nullable Chain chain, List<PlanNote> notes) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(header.message().isBlank() ? "A revision." : JavaText.javadoc(header.message().strip()));
        if (header.after().size() > 1) {
            paragraphs.add("Merges the heads it comes after; it changes nothing itself.");
        }
        else {
            long hazards = up.stream().mapToLong((change) -> change.hazards().size()).sum();
            paragraphs.add("Generated by Belay from the difference between the JPA mapping and the database: "
                    + count(up.size(), "change")
                    + ((hazards > 0) ? ", " + count((int) hazards, "hazard") + " (see the comments)" : "")
                    + ". Review it and edit it as you need; once applied anywhere, a revision must stay.");
        }
        if (chain != null) {
            paragraphs.add(chain.describe());
        }
        notTransactional.ifPresent((reason) -> paragraphs.add("Runs without a transaction "
                + "({@code transactional = false}) because " + reason));
        notes.forEach((note) -> paragraphs.add("Note: " + JavaText.javadoc(note.toString())));
        return String.join("\n<p>\n", paragraphs.stream().map(RevisionGenerator::wrap).toList()) + "\n";
    }

    /** Breaks a paragraph into lines that fit the usual 100 columns after {@code " * "}. */
    private static String wrap(String paragraph) {
        StringBuilder wrapped = new StringBuilder();
        int lineLength = 0;
        for (String word : paragraph.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > JAVADOC_WIDTH) {
                wrapped.append('\n');
                lineLength = 0;
            }
            else if (lineLength > 0) {
                wrapped.append(' ');
                lineLength++;
            }
            wrapped.append(word);
            lineLength += word.length();
        }
        return wrapped.toString();
    }

    private static MethodSpec method(String name, Steps steps, CodeBlock code) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(MIGRATOR, ActionCalls.MIGRATOR);
        if (steps.changes().isEmpty()) {
            method.addComment("Nothing to do.");
        }
        method.addCode(code);
        return method.build();
    }

    /**
     * Where a revision stands in a chain that one {@code generate} wrote.
     *
     * @param number its place, from 1
     * @param count how many revisions the chain has
     * @param onlineSafe whether the plan was online-safe
     */
    private record Chain(int number, int count, boolean onlineSafe) {

        String describe() {
            String command = this.onlineSafe ? "belay generate --online-safe" : "belay generate";
            String why = this.onlineSafe
                    ? "the steps that can share a transaction run in one, so that a step that fails (on data, say) "
                            + "takes the others of its revision back with it, and the steps that must or should "
                            + "commit on their own (building an index concurrently, validating a constraint) run in "
                            + "revisions of their own"
                    : "PostgreSQL cannot use an enum label in the transaction that adds it, so the label is added "
                            + "in one revision and used in the next, each in a transaction";
            return "Part " + this.number + " of " + this.count + " of one change that {@code " + command
                    + "} wrote as a chain of revisions, each after the one before: " + why
                    + ". Keep the chain together; roll it back from its last revision.";
        }

    }

    private static String count(int count, String noun) {
        return count + " " + noun + ((count == 1) ? "" : "s");
    }

    /** The changes of one method with the statements each sends. */
    private record Steps(List<Change> changes, List<List<SqlStatement>> statements) {

        static Steps of(List<Change> changes) {
            RecordingStatementSink sink = new RecordingStatementSink();
            DatabaseActions actions = new DatabaseActions(sink);
            List<List<SqlStatement>> statements = new ArrayList<>();
            for (Change change : changes) {
                sink.clear();
                change.applyTo(actions);
                statements.add(sink.statements());
            }
            return new Steps(List.copyOf(changes), statements);
        }

        Optional<String> whyNotTransactional() {
            return TransactionNeeds.whyNot(this.changes, this.statements);
        }

        /** One statement per change; a blank line and comments before each change with hazards or a transaction of its own. */
        CodeBlock code() {
            CodeBlock.Builder code = CodeBlock.builder();
            for (int i = 0; i < this.changes.size(); i++) {
                Change change = this.changes.get(i);
                List<String> notes = new ArrayList<>();
                for (Hazard hazard : change.hazards()) {
                    notes.add(hazard.toString());
                }
                for (SqlStatement statement : this.statements.get(i)) {
                    if (statement.mode() == TransactionMode.NO_TRANSACTION) {
                        notes.add("Runs outside any transaction: " + firstLine(statement.sql()));
                    }
                }
                if (!notes.isEmpty()) {
                    if (i > 0) {
                        code.add("\n");
                    }
                    for (String note : notes) {
                        for (String line : wrap(JavaText.lineComment(note)).split("\n")) {
                            code.add("// $L\n", line);
                        }
                    }
                }
                code.addStatement(change.accept(ActionCalls.INSTANCE));
            }
            return code.build();
        }

        private static String firstLine(String sql) {
            return (sql.length() > 80) ? sql.substring(0, 77) + "..." : sql;
        }

    }

}
