package dev.belay.schema.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;

import dev.belay.schema.Identifiers;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator.ActionGrouping;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's own {@code create} statements for a mapping, as text: the model's schema tool
 * ({@link SchemaManagementTool}) writes them to a script target that collects them, so Belay
 * never renders DDL for the mapping by hand.
 * <p>
 * The statements are meant to run in a scratch schema through {@code search_path}, so they must
 * not name a schema: {@code hibernate.default_schema} is left out when they are rendered, and a
 * mapping that names a schema of its own is rejected (see {@link #requireOneSchema}). Import
 * scripts ({@code import.sql}, load scripts) are data, not schema, and are left out too.
 */
final class HibernateCreateScript {

    /** The models whose columns Belay has ordered, by identity. */
    private static final Set<Metadata> ORDERED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private HibernateCreateScript() {
    }

    /**
     * The statements Hibernate's {@code create} runs for the mapping, in Hibernate's order. Two
     * callers on one model take turns, since the first one may order the model's columns.
     */
    static List<String> statements(Metadata metadata) {
        requireOneSchema(metadata);
        MetadataImplementor model = (MetadataImplementor) metadata;
        StandardServiceRegistry registry = model.getMetadataBuildingOptions().getServiceRegistry();
        Map<String, Object> applicationSettings = registry.requireService(ConfigurationService.class).getSettings();
        Map<String, Object> settings = settings(applicationSettings);
        SchemaManagementTool tool = registry.requireService(SchemaManagementTool.class);
        CollectingScript script = new CollectingScript();
        synchronized (model) {
            orderColumnsAsCreateDoes(model, applicationSettings);
            tool.getSchemaCreator(settings)
                .doCreation(metadata, new Options(settings), ContributableMatcher.ALL, MetadataSource.INSTANCE, script);
        }
        return List.copyOf(script.statements);
    }

    /**
     * Hibernate's {@code create} puts table columns and the columns of composite keys in the order
     * of its {@code ColumnOrderingStrategy}, but it orders the model only when the session factory
     * itself runs a create action. Otherwise (the usual case with Belay, where {@code ddl-auto} is
     * {@code none}) the model is ordered here, once: ordering again would permute the columns of
     * composite foreign keys a second time.
     */
    private static void orderColumnsAsCreateDoes(MetadataImplementor metadata, Map<String, Object> settings) {
        boolean createdBySessionFactory = ActionGrouping.interpret(metadata, settings)
            .stream()
            .anyMatch((grouping) -> isCreate(grouping.databaseAction()) || isCreate(grouping.scriptAction()));
        if (!createdBySessionFactory && ORDERED.add(metadata)) {
            metadata.orderColumns(true);
        }
    }

    private static boolean isCreate(Action action) {
        return action == Action.CREATE || action == Action.CREATE_DROP || action == Action.CREATE_ONLY;
    }

    /**
     * The application's Hibernate settings, minus those that would make the script name a real
     * schema, load data or format statements over several lines.
     */
    private static Map<String, Object> settings(Map<String, Object> applicationSettings) {
        Map<String, Object> settings = new HashMap<>(applicationSettings);
        settings.remove(MappingSettings.DEFAULT_SCHEMA);
        settings.remove(MappingSettings.DEFAULT_CATALOG);
        settings.remove(JdbcSettings.JAKARTA_HBM2DDL_CONNECTION);
        settings.remove(SchemaToolingSettings.HBM2DDL_IMPORT_FILES);
        settings.remove(SchemaToolingSettings.JAKARTA_HBM2DDL_LOAD_SCRIPT_SOURCE);
        settings.put(SchemaToolingSettings.HBM2DDL_SKIP_DEFAULT_IMPORT_FILE, true);
        settings.put(JdbcSettings.FORMAT_SQL, false);
        settings.put(SchemaToolingSettings.HBM2DDL_DELIMITER, "");
        return settings;
    }

    /**
     * Belay manages one schema and builds the desired state in a scratch schema chosen through
     * {@code search_path}. A table or sequence mapped to a named schema would be created in that
     * real schema instead, so such a mapping is an error that names what to change.
     */
    static void requireOneSchema(Metadata metadata) {
        TreeSet<String> elsewhere = new TreeSet<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            Namespace.Name name = namespace.getPhysicalName();
            if (name.schema() == null && name.catalog() == null) {
                continue;
            }
            String qualifier = qualifier(name.catalog()) + qualifier(name.schema());
            namespace.getTables()
                .forEach((table) -> elsewhere.add("table " + qualifier + quoted(table.getNameIdentifier())));
            namespace.getSequences()
                .forEach((sequence) -> elsewhere.add("sequence " + qualifier + quoted(sequence.getName().getSequenceName())));
        }
        if (!elsewhere.isEmpty()) {
            throw new DesiredSchemaException("Belay manages one schema, but the mapping puts " + String.join(", ", elsewhere)
                    + " in a schema of its own. Remove 'schema' (and 'catalog') from @Table, @JoinTable, "
                    + "@CollectionTable, @SequenceGenerator and @TableGenerator; choose the schema with "
                    + "the connection's search_path or hibernate.default_schema instead.", null, null);
        }
    }

    private static String qualifier(@Nullable Identifier name) {
        return (name != null) ? quoted(name) + "." : "";
    }

    private static String quoted(Identifier name) {
        return Identifiers.quote(StatementSubject.postgresName(name));
    }

    /** What Hibernate's schema tool needs to know about this run. */
    private record Options(Map<String, Object> settings) implements ExecutionOptions {

        @Override
        public Map<String, Object> getConfigurationValues() {
            return this.settings;
        }

        /** Never {@code create schema}: the scratch schema is the only one. */
        @Override
        public boolean shouldManageNamespaces() {
            return false;
        }

        /** A script target does not fail, but if anything does, Belay wants to know. */
        @Override
        public ExceptionHandler getExceptionHandler() {
            return (exception) -> {
                throw exception;
            };
        }

    }

    /** The statements come from the mapping alone, not from the application's create scripts. */
    private enum MetadataSource implements SourceDescriptor {

        INSTANCE;

        @Override
        public SourceType getSourceType() {
            return SourceType.METADATA;
        }

        @Override
        public @Nullable ScriptSourceInput getScriptSourceInput() {
            return null;
        }

    }

    /** A script target that keeps the statements in memory. */
    private static final class CollectingScript implements TargetDescriptor, ScriptTargetOutput {

        private final List<String> statements = new ArrayList<>();

        @Override
        public EnumSet<TargetType> getTargetTypes() {
            return EnumSet.of(TargetType.SCRIPT);
        }

        @Override
        public ScriptTargetOutput getScriptTargetOutput() {
            return this;
        }

        @Override
        public void prepare() {
        }

        @Override
        public void accept(String command) {
            String statement = command.strip();
            if (!statement.isEmpty()) {
                this.statements.add(statement);
            }
        }

        @Override
        public void release() {
        }

    }

}
