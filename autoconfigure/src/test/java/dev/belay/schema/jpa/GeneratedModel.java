package dev.belay.schema.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.belay.schema.jpa.corpus.NamedEnums;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A JPA model described as data and turned into real entity classes (with Byte Buddy, which
 * Hibernate brings along), so that property tests can try mappings nobody wrote by hand.
 * Table and column names are quoted as written, so they may hold any character PostgreSQL
 * allows in a quoted name.
 *
 * @param entities the entities; a reference points at an entity earlier in the list
 */
record GeneratedModel(List<EntitySpec> entities) {

    /** The entity classes, loaded together in a class loader of their own. */
    List<Class<?>> entityClasses() {
        List<DynamicType.Unloaded<Object>> types = new ArrayList<>();
        List<TypeDescription> descriptions = new ArrayList<>();
        for (int i = 0; i < this.entities.size(); i++) {
            DynamicType.Unloaded<Object> type = entityClass(i, this.entities.get(i), descriptions);
            types.add(type);
            descriptions.add(type.getTypeDescription());
        }
        DynamicType.Unloaded<Object> first = types.get(0);
        ClassLoader loader = first.include(types.subList(1, types.size()))
            .load(GeneratedModel.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded()
            .getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (TypeDescription description : descriptions) {
            try {
                classes.add(Class.forName(description.getName(), false, loader));
            }
            catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return classes;
    }

    private static DynamicType.Unloaded<Object> entityClass(int index, EntitySpec entity,
            List<TypeDescription> earlier) {
        List<AnnotationDescription> indexes = new ArrayList<>();
        for (int i = 0; i < entity.columns().size(); i++) {
            ColumnSpec column = entity.columns().get(i);
            if (column.indexed()) {
                indexes.add(AnnotationDescription.Builder.ofType(Index.class)
                    .define("name", "generated_" + index + "_" + i + "_idx")
                    .define("columnList", quoted(column.name()))
                    .build());
            }
        }
        DynamicType.Builder<Object> builder = new ByteBuddy().subclass(Object.class)
            .name("dev.belay.generated.Entity" + index)
            .annotateType(AnnotationDescription.Builder.ofType(Entity.class).define("name", "Entity" + index).build(),
                    AnnotationDescription.Builder.ofType(Table.class)
                        .define("name", quoted(entity.table()))
                        .defineAnnotationArray("indexes", TypeDescription.ForLoadedType.of(Index.class),
                                indexes.toArray(AnnotationDescription[]::new))
                        .build());
        builder = builder.defineField("id", Long.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Id.class).build(),
                    AnnotationDescription.Builder.ofType(GeneratedValue.class)
                        .define("strategy", entity.identity() ? GenerationType.IDENTITY : GenerationType.SEQUENCE)
                        .build());
        for (int i = 0; i < entity.columns().size(); i++) {
            ColumnSpec column = entity.columns().get(i);
            String field = "field" + i;
            if (column.kind() == Kind.REFERENCE) {
                builder = builder.defineField(field, earlier.get(column.target()), Visibility.PACKAGE_PRIVATE)
                    .annotateField(AnnotationDescription.Builder.ofType(ManyToOne.class)
                        .define("optional", column.nullable())
                        .build(),
                            AnnotationDescription.Builder.ofType(JoinColumn.class)
                                .define("name", quoted(column.name()))
                                .define("nullable", column.nullable())
                                .build());
                continue;
            }
            AnnotationDescription.Builder annotation = AnnotationDescription.Builder.ofType(Column.class)
                .define("name", quoted(column.name()))
                .define("nullable", column.nullable())
                .define("unique", column.unique());
            if (column.kind() == Kind.TEXT) {
                annotation = annotation.define("length", column.length());
            }
            if (column.kind() == Kind.DECIMAL) {
                annotation = annotation.define("precision", column.length()).define("scale", column.scale());
            }
            DynamicType.Builder.FieldDefinition.Optional.Valuable<Object> defined = builder
                .defineField(field, column.kind().javaType, Visibility.PACKAGE_PRIVATE);
            builder = (column.kind() == Kind.NAMED_ENUM)
                    ? defined.annotateField(annotation.build(), AnnotationDescription.Builder.ofType(JdbcTypeCode.class)
                        .define("value", SqlTypes.NAMED_ENUM)
                        .build())
                    : defined.annotateField(annotation.build());
        }
        return builder.make();
    }

    /** A name quoted for Hibernate: kept as written, so PostgreSQL stores exactly this text. */
    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * An entity: its table, an id (identity or from a sequence) and its other columns.
     *
     * @param table the table's name as PostgreSQL stores it
     * @param identity whether the id is an identity column
     * @param columns the other columns
     */
    record EntitySpec(String table, boolean identity, List<ColumnSpec> columns) {

    }

    /**
     * A column.
     *
     * @param name its name as PostgreSQL stores it
     * @param kind what it holds
     * @param length a text column's length or a decimal's precision
     * @param scale a decimal's scale
     * @param target the index of the entity a reference points at
     * @param nullable whether it may be null
     * @param unique whether it is unique
     * @param indexed whether an {@code @Index} covers it
     */
    record ColumnSpec(String name, Kind kind, int length, int scale, int target, boolean nullable, boolean unique,
            boolean indexed) {

    }

    /** The kinds of column the generated entities have. */
    enum Kind {

        TEXT(String.class), INTEGER(Integer.class), LONG(Long.class), BOOLEAN(Boolean.class), DOUBLE(Double.class),
        DECIMAL(BigDecimal.class), DATE(LocalDate.class), LOCAL_TIMESTAMP(LocalDateTime.class),
        INSTANT(Instant.class), OFFSET_TIMESTAMP(OffsetDateTime.class), UUID(java.util.UUID.class),
        BYTES(byte[].class), NAMED_ENUM(NamedEnums.RideKind.class), REFERENCE(Object.class);

        final TypeDefinition javaType;

        Kind(Class<?> javaType) {
            this.javaType = TypeDescription.ForLoadedType.of(javaType);
        }

    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (EntitySpec entity : this.entities) {
            out.append("\n  ").append(quoted(entity.table())).append(entity.identity() ? " (identity)" : "");
            for (ColumnSpec column : entity.columns()) {
                out.append("\n    ").append(column);
            }
        }
        return out.toString();
    }

}
