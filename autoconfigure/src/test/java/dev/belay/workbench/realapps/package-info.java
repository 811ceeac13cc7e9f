/**
 * The domain models of five real applications, as test fixtures for the round trip of
 * {@code RealApplicationRoundTripTests}: each model's tables, columns, keys and associations
 * are the application's own (a subset of the columns of the largest entities), written anew for
 * Belay's tests; the header of each model's file names the repository, the paths, the commit and
 * the licence (Apache-2.0 for all five). Where a feature that Belay must handle appears in none
 * of them, the smallest realistic adaptation of one entity covers it, and says so in the file's
 * header ("Belay's corpus adds ...").
 *
 * <table>
 * <caption>Which model covers what</caption>
 * <tr><th>Feature</th><th>Model (entity)</th></tr>
 * <tr><td>JOINED inheritance</td><td>Shopizer (Payment, CreditCardPayment, PaypalPayment; adapted)</td></tr>
 * <tr><td>SINGLE_TABLE inheritance</td><td>Keycloak (RoleEntity, RealmRoleEntity, ClientRoleEntity; adapted)</td></tr>
 * <tr><td>TABLE_PER_CLASS inheritance</td><td>ThingsBoard (EventEntity and the lc, stats and error events;
 * adapted)</td></tr>
 * <tr><td>{@code @MappedSuperclass}</td><td>PetClinic (BaseEntity, NamedEntity, Person), JHipster, ThingsBoard,
 * Shopizer (Description)</td></tr>
 * <tr><td>{@code @ElementCollection} of values</td><td>Keycloak (REDIRECT_URIS, WEB_ORIGINS,
 * REALM_SUPPORTED_LOCALES)</td></tr>
 * <tr><td>{@code @ElementCollection} of embeddables, {@code @OrderColumn}</td><td>Shopizer (CUSTOMER_ADDRESS_BOOK;
 * adapted)</td></tr>
 * <tr><td>{@code @MapKeyColumn}</td><td>Keycloak (CLIENT_ATTRIBUTES, CLIENT_NODE_REGISTRATIONS,
 * IDENTITY_PROVIDER_CONFIG, PROTOCOL_MAPPER_CONFIG, REQUIRED_ACTION_CONFIG), JHipster
 * (jhi_persistent_audit_evt_data)</td></tr>
 * <tr><td>Embeddables, nested embeddables</td><td>Shopizer (AuditSection, Billing, Delivery; GeoPoint in
 * Delivery adapted)</td></tr>
 * <tr><td>{@code @Lob}</td><td>ThingsBoard (ota_package.data, oid)</td></tr>
 * <tr><td>UUID ids</td><td>ThingsBoard (every entity)</td></tr>
 * <tr><td>String ids, composite keys through {@code @IdClass} with associations</td><td>Keycloak</td></tr>
 * <tr><td>Identity ids</td><td>PetClinic</td></tr>
 * <tr><td>One sequence shared by several entities</td><td>JHipster (sequence_generator)</td></tr>
 * <tr><td>One generator table shared by several entities</td><td>Shopizer (SM_SEQUENCER)</td></tr>
 * <tr><td>{@code @ManyToMany}</td><td>PetClinic (vet_specialties), JHipster (jhi_user_authority,
 * rel_operation__label), Keycloak (COMPOSITE_ROLE), Shopizer (PRODUCT_CATEGORY, MERCHANT_LANGUAGE)</td></tr>
 * <tr><td>Self reference</td><td>Shopizer (Category.parent), Keycloak (COMPOSITE_ROLE)</td></tr>
 * <tr><td>{@code @SoftDelete}</td><td>JHipster (bank_account; adapted)</td></tr>
 * <tr><td>Named enums (PostgreSQL enum types)</td><td>ThingsBoard (alarm severity; adapted)</td></tr>
 * <tr><td>STRING enums</td><td>ThingsBoard, Shopizer, PetClinic's next release</td></tr>
 * <tr><td>ORDINAL enums</td><td>Keycloak (AUTHENTICATION_EXECUTION.REQUIREMENT), ThingsBoard
 * (alarm.originator_type)</td></tr>
 * <tr><td>{@code @Version}</td><td>ThingsBoard (VersionedEntity)</td></tr>
 * <tr><td>Quoted names</td><td>JHipster (operation."date"; adapted)</td></tr>
 * <tr><td>JSON (jsonb)</td><td>ThingsBoard</td></tr>
 * <tr><td>{@code columnDefinition}</td><td>Keycloak (TEXT), Shopizer (text)</td></tr>
 * <tr><td>Unique constraints over several columns</td><td>Keycloak, ThingsBoard, Shopizer</td></tr>
 * </table>
 *
 * <p>
 * Each model's next release (the {@code *Evolved} classes) changes a few entities the way
 * applications do: new columns, dropped columns, changed lengths, new entities with foreign keys,
 * new values of STRING, ORDINAL and named enums.
 */
package dev.belay.workbench.realapps;
