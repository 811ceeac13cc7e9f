package dev.belay.schema.postgres;

import java.util.List;

/**
 * The catalog queries of one inspection. They run as one multi-statement batch, so the whole
 * schema is read in a single round trip whatever its size, after {@code search_path} is set to
 * the inspected schema: {@code current_schema()} names it, and PostgreSQL renders names in it
 * unqualified, which keeps the result independent of the schema's name.
 * <p>
 * Objects that belong to an extension ({@code pg_depend.deptype = 'e'}) are skipped everywhere;
 * tables that are partitions or partitioned are left to the unmanaged query.
 */
final class CatalogQueries {

    private CatalogQueries() {
    }

    /**
     * The relations of the inspected schema (tables, partitioned tables, views, sequences, foreign
     * tables), as a condition on {@code c.oid}: found through their dependency on the schema, which
     * PostgreSQL records for every relation but indexes and TOAST tables, by the index of
     * {@code pg_depend}. {@code pg_class} has no index on {@code relnamespace}, so "the relations of
     * this schema" would otherwise read every relation of the database: in a database with a
     * thousand tenant schemas, most of an inspection's time. Kept beside the plain
     * {@code relnamespace} test, which it only narrows.
     */
    private static final String IN_SCHEMA = "\n" + """
            c.oid IN (SELECT dn.objid FROM pg_catalog.pg_depend dn
                      WHERE dn.refclassid = 'pg_catalog.pg_namespace'::regclass
                        AND dn.classid = 'pg_catalog.pg_class'::regclass
                        AND dn.refobjid = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()))"""
            + "\n";

    /** The relations Belay manages: plain tables in the schema, not partitions, not extension-owned. */
    private static final String MANAGED_TABLES = """
            SELECT c.oid, c.relname
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE """ + IN_SCHEMA + """
              AND n.nspname = current_schema()
              AND c.relkind = 'r'
              AND NOT c.relispartition
              AND c.oid NOT IN (SELECT e.objid FROM pg_catalog.pg_depend e
                                WHERE e.refclassid = 'pg_catalog.pg_extension'::regclass AND e.deptype = 'e'
                                  AND e.classid = 'pg_catalog.pg_class'::regclass)""";

    /**
     * One row per column (and one with null column fields for a table without columns): the table's
     * comment (joined, not through {@code obj_description}, which would query once per row), the column's rendered type, default or generation expression, identity and the
     * parameters of its internal sequence, collation when not the type's default, comment.
     */
    static final String COLUMNS = "WITH t AS (" + MANAGED_TABLES + """
            )
            SELECT t.relname,
                   td.description AS table_comment,
                   a.attnum,
                   a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull,
                   pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS expression,
                   a.attidentity,
                   a.attgenerated,
                   CASE WHEN a.attcollation <> ty.typcollation THEN a.attcollation::pg_catalog.regcollation::text END AS collation,
                   cd.description AS column_comment,
                   pg_catalog.format_type(s.seqtypid, NULL) AS identity_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
            FROM t
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum
            LEFT JOIN pg_catalog.pg_depend id ON a.attidentity <> ''
                 AND id.classid = 'pg_catalog.pg_class'::regclass AND id.refclassid = 'pg_catalog.pg_class'::regclass
                 AND id.refobjid = t.oid AND id.refobjsubid = a.attnum AND id.deptype = 'i'
            LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = id.objid
            LEFT JOIN pg_catalog.pg_description td ON td.classoid = 'pg_catalog.pg_class'::regclass
                 AND td.objoid = t.oid AND td.objsubid = 0
            LEFT JOIN pg_catalog.pg_description cd ON cd.classoid = 'pg_catalog.pg_class'::regclass
                 AND cd.objoid = t.oid AND cd.objsubid = a.attnum
            ORDER BY t.relname, a.attnum""";

    /**
     * Primary keys, unique, foreign key and check constraints of managed tables. Columns come as
     * attribute numbers, resolved against the columns already read, which spares a subquery per
     * row; only a foreign key to a table outside the managed ones gets its target columns by name.
     * Not-null constraints (kept in pg_constraint since PostgreSQL 18) are read as the columns'
     * nullability instead; exclusion constraints are listed as unmanaged.
     */
    static final String CONSTRAINTS = "WITH t AS (" + MANAGED_TABLES + """
            )
            SELECT t.relname,
                   con.conname,
                   con.contype,
                   con.condeferrable,
                   con.condeferred,
                   con.conkey,
                   CASE WHEN con.contype = 'f' AND fns.nspname <> current_schema() THEN fns.nspname END AS target_schema,
                   ft.relname AS target_table,
                   con.confkey,
                   CASE WHEN con.contype = 'f' AND NOT EXISTS (SELECT 1 FROM t WHERE t.oid = con.confrelid) THEN
                       ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                             ORDER BY k.ord) END AS target_column_names,
                   con.confupdtype,
                   con.confdeltype,
                   con.confmatchtype,
                   CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS check_expression,
                   COALESCE(i.indnullsnotdistinct, false) AS nulls_not_distinct
            FROM t
            JOIN pg_catalog.pg_constraint con ON con.conrelid = t.oid AND con.contype IN ('p', 'u', 'f', 'c')
            LEFT JOIN pg_catalog.pg_class ft ON ft.oid = con.confrelid
            LEFT JOIN pg_catalog.pg_namespace fns ON fns.oid = ft.relnamespace
            LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype = 'u'
            ORDER BY t.relname, con.conname""";

    /**
     * Indexes of managed tables that back no constraint: the full definition (whose key list is
     * parsed), the prefix that definition starts with, the attribute numbers of keys and INCLUDE
     * columns, the predicate, and the attribute numbers every expression or predicate reads (from the
     * index's dependencies on columns of its table, looked up per index through {@code pg_depend}'s
     * index: a join with all of them aggregated was planned as a nested loop over every pair when
     * the catalog's statistics are stale, as they are right after many tables were created, which
     * made a 1,500-table read take half a second).
     */
    static final String INDEXES = "WITH t AS (" + MANAGED_TABLES + """
            )
            SELECT t.relname,
                   ic.relname AS index_name,
                   i.indisunique,
                   am.amname,
                   pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
                   'CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX '
                       || pg_catalog.quote_ident(ic.relname) || ' ON ' || pg_catalog.quote_ident(current_schema())
                       || '.' || pg_catalog.quote_ident(t.relname) || ' USING ' || pg_catalog.quote_ident(am.amname)
                       || ' (' AS definition_prefix,
                   i.indkey::int2[] AS attnums,
                   i.indnkeyatts,
                   pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
                   i.indnullsnotdistinct,
                   (SELECT pg_catalog.array_agg(DISTINCT d.refobjsubid)
                    FROM pg_catalog.pg_depend d
                    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indexrelid
                      AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = i.indrelid
                      AND d.refobjsubid > 0) AS reads
            FROM t
            JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am am ON am.oid = ic.relam
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                              WHERE con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
            ORDER BY t.relname, ic.relname""";

    /** Enum types of the schema with their labels in sort order. */
    static final String ENUM_TYPES = """
            SELECT ty.typname,
                   ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = ty.oid ORDER BY e.enumsortorder) AS labels
            FROM pg_catalog.pg_type ty
            JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace
            WHERE n.nspname = current_schema()
              AND ty.typtype = 'e'
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = ty.oid AND e.deptype = 'e')
            ORDER BY ty.typname""";

    /**
     * Stand-alone sequences (not those behind identity columns) with all parameters and the column
     * that owns them, when that column is in this schema.
     */
    static final String SEQUENCES = """
            SELECT c.relname,
                   pg_catalog.format_type(s.seqtypid, NULL) AS type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   oc.relname AS owner_table,
                   oa.attname AS owner_column
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                 AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype = 'a'
            LEFT JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid AND oc.relnamespace = n.oid
            LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = oc.oid AND oa.attnum = d.refobjsubid
            WHERE """ + IN_SCHEMA + """
              AND n.nspname = current_schema()
              AND c.relkind = 'S'
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype IN ('e', 'i'))
            ORDER BY c.relname""";

    /**
     * Casts from or to a type of the schema. PostgreSQL keeps casts for the whole database
     * ({@code pg_cast} has no schema), so a cast is read with the schema of its type: the two
     * Hibernate creates for an enum type come with that type. A cast is managed when it converts
     * {@code WITH INOUT} or {@code WITHOUT FUNCTION} and each of its types of this schema is an enum
     * type Belay manages; a cast through a function, or on another kind of type of the schema, is
     * listed as unmanaged. Casts of extensions are skipped.
     */
    static final String CASTS = """
            WITH n AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()),
            managed_enums AS (
                SELECT ty.oid FROM pg_catalog.pg_type ty, n
                WHERE ty.typnamespace = n.oid AND ty.typtype = 'e'
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                                  WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = ty.oid AND e.deptype = 'e')
            )
            SELECT pg_catalog.format_type(c.castsource, NULL) AS source,
                   pg_catalog.format_type(c.casttarget, NULL) AS target,
                   c.castmethod,
                   c.castcontext,
                   c.castmethod IN ('i', 'b')
                       AND (s.typnamespace <> n.oid OR s.oid IN (SELECT oid FROM managed_enums))
                       AND (t.typnamespace <> n.oid OR t.oid IN (SELECT oid FROM managed_enums)) AS managed
            FROM pg_catalog.pg_cast c
            JOIN pg_catalog.pg_type s ON s.oid = c.castsource
            JOIN pg_catalog.pg_type t ON t.oid = c.casttarget
            CROSS JOIN n
            WHERE (s.typnamespace = n.oid OR t.typnamespace = n.oid)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_cast'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            ORDER BY 1, 2""";

    /**
     * Everything else in the schema, one row per (object, table or column it uses): views,
     * materialized views, foreign and partitioned tables and partitions, other types, functions and
     * procedures, triggers and exclusion constraints. Views report the columns their rules read.
     */
    static final String UNMANAGED = """
            WITH n AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()),
            ext AS (SELECT classid, objid FROM pg_catalog.pg_depend
                    WHERE refclassid = 'pg_catalog.pg_extension'::regclass AND deptype = 'e'),
            ns_classes AS (SELECT c.* FROM pg_catalog.pg_class c WHERE """ + IN_SCHEMA + """
            ),
            relations AS (
                SELECT c.oid,
                       CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                      WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table'
                                      ELSE 'partition' END AS kind,
                       pg_catalog.quote_ident(c.relname) AS name
                FROM ns_classes c, n
                WHERE c.relnamespace = n.oid
                  AND (c.relkind IN ('v', 'm', 'f', 'p') OR (c.relkind = 'r' AND c.relispartition))
                  AND (('pg_catalog.pg_class'::regclass, c.oid) NOT IN (SELECT classid, objid FROM ext))
            )
            SELECT r.kind, r.name, dt.relname AS dep_table, da.attname AS dep_column
            FROM relations r
            LEFT JOIN pg_catalog.pg_rewrite rw ON rw.ev_class = r.oid
            LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = rw.oid
                 AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> r.oid
            LEFT JOIN pg_catalog.pg_class dt ON dt.oid = d.refobjid AND dt.relnamespace = (SELECT oid FROM n) AND dt.relkind = 'r'
            LEFT JOIN pg_catalog.pg_attribute da ON da.attrelid = dt.oid AND da.attnum = d.refobjsubid AND d.refobjsubid > 0
            UNION ALL
            SELECT CASE ty.typtype WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite type' WHEN 'r' THEN 'range type'
                                   ELSE 'type' END,
                   pg_catalog.quote_ident(ty.typname), NULL, NULL
            FROM pg_catalog.pg_type ty, n
            WHERE ty.typnamespace = n.oid
              AND ty.typtype IN ('b', 'd', 'r', 'c')
              AND ty.typcategory <> 'A'
              AND (ty.typtype <> 'c' OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = ty.typrelid) = 'c')
              AND (('pg_catalog.pg_type'::regclass, ty.oid) NOT IN (SELECT classid, objid FROM ext))
            UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window function'
                                  ELSE 'function' END,
                   pg_catalog.quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
                   NULL, NULL
            FROM pg_catalog.pg_proc p, n
            WHERE p.pronamespace = n.oid
              AND (('pg_catalog.pg_proc'::regclass, p.oid) NOT IN (SELECT classid, objid FROM ext))
            UNION ALL
            SELECT 'trigger', pg_catalog.quote_ident(tg.tgname) || ' on ' || pg_catalog.quote_ident(c.relname),
                   c.relname, a.attname
            FROM ns_classes c
            JOIN pg_catalog.pg_trigger tg ON c.oid = tg.tgrelid
            JOIN n ON c.relnamespace = n.oid
            LEFT JOIN pg_catalog.unnest(tg.tgattr::int2[]) k(attnum) ON true
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE NOT tg.tgisinternal AND c.relkind = 'r'
            UNION ALL
            SELECT 'exclusion constraint', pg_catalog.quote_ident(con.conname) || ' on ' || pg_catalog.quote_ident(c.relname),
                   c.relname, a.attname
            FROM ns_classes c
            JOIN pg_catalog.pg_constraint con ON c.oid = con.conrelid
            JOIN n ON c.relnamespace = n.oid
            LEFT JOIN pg_catalog.unnest(con.conkey) k(attnum) ON true
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE con.contype = 'x' AND c.relkind = 'r'
            ORDER BY 1, 2, 3, 4""";

    /** The result sets in the order the batch returns them. */
    static final List<String> BATCH = List.of(COLUMNS, CONSTRAINTS, INDEXES, ENUM_TYPES, SEQUENCES, CASTS,
            UNMANAGED);

}
