package dev.belay.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.belay.schema.Identifiers;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * The JPA model the schema benchmarks map: {@code count} entity classes made with Byte Buddy and
 * written as class files to a directory of their own, so that a {@link URLClassLoader} loads them
 * and Hibernate (or Spring Boot) finds them by name like any application's entities. Each entity
 * has an id from a sequence, a name with a length, an integer, a decimal, a date, a timestamp, a
 * flag, an enum stored by name (a check), an index and a foreign key to the entity before it
 * (fetched lazily: a chain of 1,000 eager joins would overflow the stack of a session factory).
 */
public final class EntityModel {

    /** The package of the generated entities. */
    static final String PACKAGE = "dev.belay.benchmarks.generated";

    /** The enum the entities store by name. */
    public enum Status {
        NEW, ACTIVE, DONE, ARCHIVED
    }

    final int count;

    /** The entities' class names, in order. */
    final List<String> classNames;

    /** The directory that holds the class files. */
    final Path directory;

    /** Loads the entities (and, through its parent, everything else). */
    final URLClassLoader classLoader;

    private EntityModel(int count, List<String> classNames, Path directory, URLClassLoader classLoader) {
        this.count = count;
        this.classNames = classNames;
        this.directory = directory;
        this.classLoader = classLoader;
    }

    /** Makes the entities and a class loader for them below {@code parent}. */
    static EntityModel create(int count, ClassLoader parent) throws IOException {
        Path directory = Files.createTempDirectory("belay-entities");
        List<String> names = new ArrayList<>();
        TypeDescription previous = null;
        for (int i = 0; i < count; i++) {
            DynamicType.Unloaded<Object> type = entity(i, previous);
            type.saveIn(directory.toFile());
            previous = type.getTypeDescription();
            names.add(previous.getName());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] { directory.toUri().toURL() }, parent);
        return new EntityModel(count, List.copyOf(names), directory, loader);
    }

    /** The entity classes, loaded. */
    List<Class<?>> classes() throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : this.classNames) {
            classes.add(Class.forName(name, false, this.classLoader));
        }
        return classes;
    }

    private static DynamicType.Unloaded<Object> entity(int index, TypeDescription previous) {
        String table = "entity_" + index;
        DynamicType.Builder<Object> builder = new ByteBuddy().subclass(Object.class)
            .name(PACKAGE + ".Entity" + index)
            .annotateType(AnnotationDescription.Builder.ofType(Entity.class).define("name", "Entity" + index).build(),
                    AnnotationDescription.Builder.ofType(Table.class)
                        .define("name", table)
                        .defineAnnotationArray("indexes", TypeDescription.ForLoadedType.of(Index.class),
                                AnnotationDescription.Builder.ofType(Index.class)
                                    .define("name", table + "_created_idx")
                                    .define("columnList", "created_on")
                                    .build())
                        .build())
            .defineField("id", Long.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Id.class).build(),
                    AnnotationDescription.Builder.ofType(GeneratedValue.class)
                        .define("strategy", GenerationType.SEQUENCE)
                        .build())
            .defineField("name", String.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Column.class)
                .define("length", 120)
                .define("nullable", false)
                .build())
            .defineField("quantity", Integer.class, Visibility.PACKAGE_PRIVATE)
            .defineField("amount", BigDecimal.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Column.class)
                .define("precision", 12)
                .define("scale", 2)
                .build())
            .defineField("createdOn", LocalDate.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Column.class).define("name", "created_on").build())
            .defineField("updatedAt", LocalDateTime.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Column.class).define("name", "updated_at").build())
            .defineField("active", Boolean.class, Visibility.PACKAGE_PRIVATE)
            .defineField("status", Status.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Enumerated.class)
                .define("value", EnumType.STRING)
                .build());
        if (previous != null) {
            builder = builder.defineField("previous", previous, Visibility.PACKAGE_PRIVATE)
                .annotateField(AnnotationDescription.Builder.ofType(ManyToOne.class).define("fetch", FetchType.LAZY).build(),
                        AnnotationDescription.Builder.ofType(JoinColumn.class)
                            .define("name", Identifiers.quote("previous_id"))
                            .build());
        }
        return builder.make();
    }

}
