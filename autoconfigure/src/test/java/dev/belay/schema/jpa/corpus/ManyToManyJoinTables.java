package dev.belay.schema.jpa.corpus;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;

/** {@code @ManyToMany}: a named join table (a set, so a composite key) and the inverse side. */
public final class ManyToManyJoinTables {

    private ManyToManyJoinTables() {
    }

    @Entity(name = "ManyToManyStudent")
    public static class Student {

        @Id
        Long id;

        @ManyToMany
        @JoinTable(name = "many_to_many_enrolment", joinColumns = @JoinColumn(name = "student_id"),
                inverseJoinColumns = @JoinColumn(name = "course_id"))
        Set<Course> courses = new HashSet<>();

    }

    @Entity(name = "ManyToManyCourse")
    public static class Course {

        @Id
        Long id;

        @ManyToMany(mappedBy = "courses")
        Set<Student> students = new HashSet<>();

    }

}
