package dev.belay.lint;

/**
 * A statement that a linted revision sent in the rehearsal, with what PostgreSQL did for it.
 *
 * @param revision the revision's id
 * @param statement the statement as the revision wrote it
 * @param did what PostgreSQL did, in a few words: the locks it took on existing tables, what it
 * rewrote, scanned, built, created, dropped, renamed and changed
 */
public record RehearsedStatement(String revision, String statement, String did) {

}
