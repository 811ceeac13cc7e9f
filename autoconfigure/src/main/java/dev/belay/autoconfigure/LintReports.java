package dev.belay.autoconfigure;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.belay.lint.Finding;
import dev.belay.lint.LintReport;
import dev.belay.lint.Severity;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;

/**
 * What {@code belay lint} prints: text for a person, one JSON array for a pipeline, or GitHub
 * Actions workflow commands ({@code ::error file=...::message}) that annotate the revision's file
 * in a pull request.
 */
final class LintReports {

    private LintReports() {
    }

    /** The output formats of {@code belay lint}. */
    enum Format {

        TEXT, JSON, GITHUB;

        static Format parse(@Nullable String format) {
            if (format == null) {
                return TEXT;
            }
            for (Format candidate : values()) {
                if (candidate.name().equalsIgnoreCase(format)) {
                    return candidate;
                }
            }
            throw new CommandInput.UsageException("--format takes text, json or github, not '" + format + "'.");
        }

    }

    /**
     * Prints a report.
     * @param statements whether the text lists every statement with what PostgreSQL did
     * @param files the source file of a revision (by id), relative to the project, for annotations;
     * {@code null} when unknown
     */
    static void print(LintReport report, Format format, boolean statements, Function<String, @Nullable Path> files,
            PrintWriter out) {
        switch (format) {
            case JSON -> out.println(json(report));
            case GITHUB -> github(report, files, out);
            default -> text(report, statements, out);
        }
    }

    static String summary(LintReport report) {
        return CommandReports.count(report.linted().size(), "revision") + " linted: "
                + CommandReports.count((int) report.count(Severity.ERROR), "error") + ", "
                + CommandReports.count((int) report.count(Severity.WARNING), "warning")
                + ((report.suppressed() > 0) ? ", " + report.suppressed() + " suppressed" : "");
    }

    private static void text(LintReport report, boolean statements, PrintWriter out) {
        if (report.linted().isEmpty() && report.notLinted().isEmpty() && report.findings().isEmpty()) {
            out.println("Nothing to lint: no revision is pending.");
            return;
        }
        out.println(summary(report) + " (rehearsed on " + report.site() + ").");
        List<String> revisions = new ArrayList<>(report.linted());
        report.findings()
            .stream()
            .map(Finding::revision)
            .filter((id) -> !revisions.contains(id))
            .distinct()
            .forEach(revisions::add);
        for (String revision : revisions) {
            List<Finding> findings = report.of(revision);
            out.println();
            out.println(revision + (findings.isEmpty() ? ": no findings" : ":"));
            if (statements) {
                report.statements()
                    .stream()
                    .filter((statement) -> statement.revision().equals(revision))
                    .forEach((statement) -> {
                        out.println("  " + oneLine(statement.statement()));
                        out.println("    PostgreSQL: " + statement.did());
                    });
            }
            for (Finding finding : findings) {
                out.println("  " + finding.severity().label() + " " + finding.rule().id()
                        + ((finding.table() != null) ? " on " + finding.table() : "")
                        + (finding.suppressed() ? " (suppressed: " + finding.suppressedBecause() + ")" : ""));
                if (finding.statement() != null) {
                    out.println("    " + oneLine(finding.statement()));
                }
                out.println("    " + finding.message());
                if (!finding.evidence().isEmpty()) {
                    out.println("    PostgreSQL: " + finding.evidence());
                }
                if (!finding.suppressed()) {
                    out.println("    Fix: " + finding.fix());
                }
            }
        }
        if (!report.notLinted().isEmpty()) {
            out.println();
            out.println("Not linted, since the rehearsal stopped before them: " + String.join(", ", report.notLinted())
                    + ".");
        }
        if (report.count(Severity.ERROR) > 0) {
            out.println();
            out.println("Accept a finding where it does not apply with @SuppressFinding(rule = \"...\", reason = "
                    + "\"...\") on the revision.");
        }
    }

    static String json(LintReport report) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("revision", finding.revision());
            member.put("rule", finding.rule().id());
            member.put("severity", finding.severity().label());
            member.put("table", finding.table());
            member.put("statement", finding.statement());
            member.put("message", finding.message());
            member.put("evidence", finding.evidence());
            member.put("fix", finding.fix());
            member.put("suppressed", finding.suppressed());
            member.put("reason", finding.suppressedBecause());
            findings.add(member);
        }
        return JsonWriter.standard().writeToString(findings);
    }

    private static void github(LintReport report, Function<String, @Nullable Path> files, PrintWriter out) {
        for (Finding finding : report.findings()) {
            if (finding.suppressed()) {
                continue;
            }
            Path file = files.apply(finding.revision());
            String properties = ((file != null) ? "file=" + property(file.toString().replace('\\', '/')) + "," : "")
                    + "title=" + property("belay lint: " + finding.rule().id() + " in " + finding.revision());
            String message = finding.message() + ((finding.statement() != null) ? "\n" + finding.statement() : "")
                    + "\nFix: " + finding.fix();
            out.println("::" + ((finding.severity() == Severity.ERROR) ? "error" : "warning") + " " + properties + "::"
                    + data(message));
        }
        out.println(summary(report) + ".");
    }

    /** A workflow command's data, escaped as GitHub Actions reads it. */
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property value, escaped as GitHub Actions reads it. */
    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

}
