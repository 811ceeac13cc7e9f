package dev.belay.workbench.realapps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.belay.workbench.realapps.jhipster.JHipsterSample;
import dev.belay.workbench.realapps.jhipster.JHipsterSampleEvolved;
import dev.belay.workbench.realapps.keycloak.Keycloak;
import dev.belay.workbench.realapps.keycloak.KeycloakEvolved;
import dev.belay.workbench.realapps.petclinic.PetClinic;
import dev.belay.workbench.realapps.petclinic.PetClinicEvolved;
import dev.belay.workbench.realapps.shopizer.Shopizer;
import dev.belay.workbench.realapps.shopizer.ShopizerEvolved;
import dev.belay.workbench.realapps.thingsboard.ThingsBoard;
import dev.belay.workbench.realapps.thingsboard.ThingsBoardEvolved;
import jakarta.persistence.Entity;

/**
 * The domain models of real applications, each with its next release and a few rows that the
 * release must keep. The rows are written with the model's schema first on the search path;
 * {@link #query()} reads them back, one string per row, before and after the evolution.
 */
public enum RealApplication {

    PETCLINIC(PetClinic.class, PetClinicEvolved.class, List.of(
            "INSERT INTO types (id, name) VALUES (1, 'cat')",
            "INSERT INTO owners (id, first_name, last_name, address, city, telephone) "
                    + "VALUES (1, 'George', 'Franklin', '110 W. Liberty St.', 'Madison', '6085551023')",
            "INSERT INTO pets (id, name, birth_date, type_id, owner_id) VALUES (1, 'Leo', '2020-09-07', 1, 1)",
            "INSERT INTO visits (id, pet_id, visit_date, description) VALUES (1, 1, '2024-01-01', 'rabies shot')",
            "INSERT INTO specialties (id, name) VALUES (1, 'radiology')",
            "INSERT INTO vets (id, first_name, last_name) VALUES (1, 'James', 'Carter')",
            "INSERT INTO vet_specialties (vet_id, specialty_id) VALUES (1, 1)"),
            "SELECT o.last_name || ':' || p.name || ':' || t.name || ':' || v.description || ':' || vt.last_name "
                    + "|| ':' || s.name FROM owners o JOIN pets p ON p.owner_id = o.id JOIN types t ON t.id = p.type_id "
                    + "JOIN visits v ON v.pet_id = p.id CROSS JOIN vets vt JOIN vet_specialties vs ON vs.vet_id = vt.id "
                    + "JOIN specialties s ON s.id = vs.specialty_id"),

    JHIPSTER(JHipsterSample.class, JHipsterSampleEvolved.class, List.of(
            "INSERT INTO jhi_authority (name) VALUES ('ROLE_USER')",
            "INSERT INTO jhi_user (id, login, password_hash, activated, created_by) "
                    + "VALUES (1, 'admin', repeat('x', 60), true, 'system')",
            "INSERT INTO jhi_user_authority (user_id, authority_name) VALUES (1, 'ROLE_USER')",
            "INSERT INTO jhi_persistent_token (series, token_value, user_agent, user_id) VALUES ('s1', 't1', 'curl', 1)",
            "INSERT INTO bank_account (id, name, balance, user_id, deleted) VALUES (2, 'Checking', 100.50, 1, false)",
            "INSERT INTO label (id, label) VALUES (3, 'rent')",
            "INSERT INTO operation (id, \"date\", description, amount, bank_account_id) "
                    + "VALUES (4, '2025-01-01T00:00:00Z', 'January rent', -800.00, 2)",
            "INSERT INTO rel_operation__label (operation_id, label_id) VALUES (4, 3)"),
            "SELECT u.login || ':' || a.authority_name || ':' || t.token_value || ':' || b.name || ':' || b.balance "
                    + "|| ':' || o.description || ':' || o.amount || ':' || l.label FROM jhi_user u "
                    + "JOIN jhi_user_authority a ON a.user_id = u.id JOIN jhi_persistent_token t ON t.user_id = u.id "
                    + "JOIN bank_account b ON b.user_id = u.id JOIN operation o ON o.bank_account_id = b.id "
                    + "JOIN rel_operation__label ol ON ol.operation_id = o.id JOIN label l ON l.id = ol.label_id"),

    KEYCLOAK(Keycloak.class, KeycloakEvolved.class, List.of(
            "INSERT INTO realm (id, name, enabled, registration_allowed, access_token_lifespan, not_before) "
                    + "VALUES ('r1', 'master', true, false, 300, 0)",
            "INSERT INTO user_entity (id, username, realm_id, enabled, email_verified, not_before) "
                    + "VALUES ('u1', 'admin', 'r1', true, true, 0)",
            "INSERT INTO credential (id, type, user_id, salt, user_label, secret_data, priority) "
                    + "VALUES ('c1', 'password', 'u1', '\\x01', 'My password', '{\"value\":\"x\"}', 10)",
            "INSERT INTO authentication_flow (id, realm_id, alias, top_level, built_in) "
                    + "VALUES ('f1', 'r1', 'browser', true, true)",
            "INSERT INTO authentication_execution (id, realm_id, flow_id, authenticator, requirement, priority, "
                    + "authenticator_flow) VALUES ('e1', 'r1', 'f1', 'auth-cookie', 1, 10, false)"),
            "SELECT r.name || ':' || u.username || ':' || c.type || ':' || c.user_label || ':' || c.secret_data "
                    + "|| ':' || e.authenticator || ':' || e.requirement FROM realm r "
                    + "JOIN user_entity u ON u.realm_id = r.id JOIN credential c ON c.user_id = u.id "
                    + "JOIN authentication_execution e ON e.realm_id = r.id"),

    THINGSBOARD(ThingsBoard.class, ThingsBoardEvolved.class, List.of(
            "INSERT INTO tenant (id, created_time, title, version) "
                    + "VALUES ('00000000-0000-0000-0000-000000000001', 1, 'Tenant', 1)",
            "INSERT INTO device (id, created_time, tenant_id, device_profile_id, name, type, search_text, version) "
                    + "VALUES ('00000000-0000-0000-0000-000000000002', 2, '00000000-0000-0000-0000-000000000001', "
                    + "'00000000-0000-0000-0000-000000000003', 'Thermostat', 'default', 'thermostat', 1)",
            "INSERT INTO alarm (id, created_time, tenant_id, originator_id, originator_type, type, severity, "
                    + "acknowledged, cleared, propagate) VALUES ('00000000-0000-0000-0000-000000000004', 3, "
                    + "'00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 5, "
                    + "'High Temperature', 'MAJOR', false, false, false)",
            "INSERT INTO audit_log (id, created_time, entity_name, action_type, action_status) "
                    + "VALUES ('00000000-0000-0000-0000-000000000005', 4, 'Thermostat', 'ADDED', 'SUCCESS')"),
            "SELECT t.title || ':' || d.name || ':' || a.type || ':' || a.severity || ':' || a.originator_type "
                    + "|| ':' || l.entity_name || ':' || l.action_type FROM tenant t "
                    + "JOIN device d ON d.tenant_id = t.id JOIN alarm a ON a.originator_id = d.id CROSS JOIN audit_log l"),

    SHOPIZER(Shopizer.class, ShopizerEvolved.class, List.of(
            "INSERT INTO country (country_id, country_supported, country_isocode) VALUES (1, true, 'CA')",
            "INSERT INTO language (language_id, code) VALUES (1, 'en')",
            "INSERT INTO currency (currency_id, currency_currency_code, currency_code, currency_name) "
                    + "VALUES (1, 'CAD', 'CAD', 'Canadian Dollar')",
            "INSERT INTO merchant_store (merchant_id, store_name, store_code, country_id, language_id, currency_id, "
                    + "store_email) VALUES (1, 'Default store', 'DEFAULT', 1, 1, 1, 'store@example.com')",
            "INSERT INTO orders (order_id, order_status, customer_email_address, merchantid, currency_id, "
                    + "billing_last_name, billing_first_name, billing_country_id) "
                    + "VALUES (1, 'ORDERED', 'jane@example.com', 1, 1, 'Doe', 'Jane', 1)",
            "INSERT INTO order_total (order_account_id, code, title, value, module, sort_order, order_id, "
                    + "order_total_type) VALUES (1, 'order.total.total', 'Total', 10.5, 'ot', 1, 1, 'TOTAL')",
            "INSERT INTO order_status_history (order_status_history_id, order_id, order_status, date_added) "
                    + "VALUES (1, 1, 'ORDERED', '2025-01-01 10:00')"),
            "SELECT s.store_code || ':' || o.customer_email_address || ':' || o.billing_last_name || ':' || t.title "
                    + "|| ':' || t.value || ':' || t.order_total_type || ':' || h.order_status FROM orders o "
                    + "JOIN merchant_store s ON s.merchant_id = o.merchantid JOIN order_total t ON t.order_id = o.order_id "
                    + "JOIN order_status_history h ON h.order_id = o.order_id");

    private final Class<?> model;

    private final Class<?> evolved;

    private final List<String> rows;

    private final String query;

    RealApplication(Class<?> model, Class<?> evolved, List<String> rows, String query) {
        this.model = model;
        this.evolved = evolved;
        this.rows = rows;
        this.query = query;
    }

    /** The schema the application lives in: its name in lower case. */
    public String schema() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The entity classes of the application's model. */
    public List<Class<?>> entities() {
        return entitiesOf(this.model);
    }

    /**
     * The entity classes of the next release: the model's, each replaced by the evolved class of
     * the same entity name, and the evolved model's new entities.
     */
    public List<Class<?>> evolvedEntities() {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        entitiesOf(this.model).forEach((entity) -> byName.put(entityName(entity), entity));
        entitiesOf(this.evolved).forEach((entity) -> byName.put(entityName(entity), entity));
        return new ArrayList<>(byName.values());
    }

    /** Statements writing a few rows into the model's tables. */
    public List<String> rows() {
        return this.rows;
    }

    /** A query that reads the rows back, one string per row. */
    public String query() {
        return this.query;
    }

    private static List<Class<?>> entitiesOf(Class<?> model) {
        return Arrays.stream(model.getDeclaredClasses()).filter((type) -> type.isAnnotationPresent(Entity.class)).toList();
    }

    private static String entityName(Class<?> entity) {
        String name = entity.getAnnotation(Entity.class).name();
        return name.isEmpty() ? entity.getSimpleName() : name;
    }

}
