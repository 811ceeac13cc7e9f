package dev.belay.schema;

import java.util.Set;

/**
 * One object in a {@link Schema} that Belay creates, changes and drops.
 * <p>
 * {@link #dependencies()} names the objects that must exist before this one can be created (and
 * so must outlive it when it is dropped). It may name objects that are not in the schema, such
 * as a built-in type a column seems to use; those are ignored when changes are ordered.
 */
public sealed interface DbObject
        permits EnumType, Sequence, Table, Cast, Column, PrimaryKey, ForeignKey, UniqueConstraint, CheckConstraint, Index {

    ObjectId id();

    Set<ObjectId> dependencies();

}
