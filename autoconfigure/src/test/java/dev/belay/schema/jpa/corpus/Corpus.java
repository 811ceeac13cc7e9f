package dev.belay.schema.jpa.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Small models, one per mapping feature, that together exercise what Belay must read from a JPA
 * mapping. Each feature's tables carry a prefix of their own, so all of them also form one model.
 */
public enum Corpus {

    IDENTITY_IDS(IdentityIds.class),
    SEQUENCE_IDS(SequenceIds.class),
    UUID_IDS(UuidIds.class),
    TABLE_GENERATOR_IDS(TableGeneratorIds.class),
    MANY_TO_ONE_REFS(ManyToOneRefs.class),
    ONE_TO_MANY_REFS(OneToManyRefs.class),
    ONE_TO_ONE_REFS(OneToOneRefs.class),
    MANY_TO_MANY_JOIN_TABLES(ManyToManyJoinTables.class),
    ORDERED_LISTS(OrderedLists.class),
    ELEMENT_COLLECTIONS(ElementCollections.class),
    EMBEDDABLES(Embeddables.class),
    SECONDARY_TABLES(SecondaryTables.class),
    JOINED_INHERITANCE(JoinedInheritance.class),
    SINGLE_TABLE_INHERITANCE(SingleTableInheritance.class),
    TABLE_PER_CLASS_INHERITANCE(TablePerClassInheritance.class),
    ENUMERATED_COLUMNS(EnumeratedColumns.class),
    NAMED_ENUMS(NamedEnums.class),
    BASIC_TYPES(BasicTypes.class),
    TEMPORAL_TYPES(TemporalTypes.class),
    NUMERIC_PRECISION(NumericPrecision.class),
    BINARY_DATA(BinaryData.class),
    JSON_COLUMNS(JsonColumns.class),
    ARRAY_COLUMNS(ArrayColumns.class),
    VERSIONS(Versions.class),
    NATURAL_IDS(NaturalIds.class),
    INDEXES_AND_UNIQUES(IndexesAndUniques.class),
    CHECK_CONSTRAINTS(CheckConstraints.class),
    COLUMN_DEFAULTS(ColumnDefaults.class),
    GENERATED_COLUMNS(GeneratedColumns.class),
    COMMENTS(Comments.class),
    COLUMN_DEFINITIONS(ColumnDefinitions.class),
    QUOTED_NAMES(QuotedNames.class);

    private final Class<?> feature;

    Corpus(Class<?> feature) {
        this.feature = feature;
    }

    /** The feature's entity classes (the nested classes annotated {@code @Entity}). */
    public List<Class<?>> entities() {
        return Arrays.stream(this.feature.getDeclaredClasses())
            .filter((type) -> type.isAnnotationPresent(jakarta.persistence.Entity.class))
            .toList();
    }

    /** Every feature's entities, for one model of the whole corpus. */
    public static List<Class<?>> allEntities() {
        return Stream.of(values()).flatMap((feature) -> feature.entities().stream()).toList();
    }

}
