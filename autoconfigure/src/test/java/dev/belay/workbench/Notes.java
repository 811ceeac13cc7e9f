package dev.belay.workbench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Small mappings for the workbench's tests: a note table in a few versions, and a task with an enum. */
final class Notes {

    private Notes() {
    }

    @Entity(name = "Note")
    @Table(name = "note")
    static class Note {

        @Id
        Long id;

        @Column(length = 200)
        String body;

    }

    /** A title added. */
    @Entity(name = "Note")
    @Table(name = "note")
    static class TitledNote {

        @Id
        Long id;

        @Column(length = 200)
        String body;

        @Column(length = 80)
        String title;

    }

    /** The body under another name, of the same type: a rename, or a drop and an add. */
    @Entity(name = "Note")
    @Table(name = "note")
    static class RenamedNote {

        @Id
        Long id;

        @Column(length = 200)
        String text;

    }

    enum Priority {
        LOW, HIGH
    }

    enum MorePriorities {
        LOW, HIGH, URGENT
    }

    /** A varchar enum: Hibernate adds a check of the names. */
    @Entity(name = "Task")
    @Table(name = "task")
    static class Task {

        @Id
        Long id;

        @Enumerated(EnumType.STRING)
        Priority priority;

    }

    /** The same with one more name in the check. */
    @Entity(name = "Task")
    @Table(name = "task")
    static class MoreTask {

        @Id
        Long id;

        @Enumerated(EnumType.STRING)
        MorePriorities priority;

    }

}
