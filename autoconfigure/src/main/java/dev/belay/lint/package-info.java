/**
 * {@code belay lint}: each pending revision is rehearsed in a scratch schema (of the dev database,
 * or of the application's, dropped after), PostgreSQL's catalog is read around each of its
 * statements ({@code pg_locks}, relfilenodes, scan counters, columns and constraints), and the
 * facts are turned into {@linkplain dev.belay.lint.Finding findings} by
 * {@linkplain dev.belay.lint.Rule rule}, including whether the revision breaks the previous
 * release during a rolling deploy.
 */
@NullMarked
package dev.belay.lint;

import org.jspecify.annotations.NullMarked;
