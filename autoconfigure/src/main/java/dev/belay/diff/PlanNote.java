package dev.belay.diff;

import java.util.Objects;

import dev.belay.schema.ObjectId;

/**
 * What a plan's reader should know that is not a hazard: a difference the plan leaves as it is
 * on purpose, or what a change does not do although its SQL may read so. Reports print each as
 * a {@code -- note:} line.
 *
 * @param kind what the note is about
 * @param object the object concerned
 * @param text one line for people
 */
public record PlanNote(Kind kind, ObjectId object, String text) {

    public PlanNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(text, "text");
    }

    /** For example {@code primary key user_authority.user_authority_pkey: keeps its column order ...}. */
    @Override
    public String toString() {
        return this.object + ": " + this.text;
    }

    /** What a {@link PlanNote} is about. */
    public enum Kind {

        /**
         * A primary key has the mapping's columns in another order: the plan keeps the current
         * order (the key accepts and refuses the same rows), unless
         * {@link DiffOptions#withReorderKeys(boolean)} asks for a rebuild.
         */
        KEY_ORDER_KEPT,

        /**
         * A sequence's {@code START} changes: that is only the value a {@code RESTART} without a
         * value goes back to, and the change never moves the next value.
         */
        SEQUENCE_START,

        /**
         * A column's type only widens or spells out a limit of the same type ({@code timestamp}
         * to {@code timestamp(6)}, {@code varchar(50)} to {@code varchar(100)}): PostgreSQL
         * changes the declared type without rewriting the table or building an index again, and
         * no value can fail.
         */
        TYPE_WIDENED

    }

}
