/*
 * Modelled on ThingsBoard's SQL DAO entities:
 *   repository: https://github.com/thingsboard/thingsboard
 *   paths:      dao/src/main/java/org/thingsboard/server/dao/model/sql/{TenantProfileEntity,AbstractTenantEntity,
 *               CustomerEntity,AbstractUserEntity,UserCredentialsEntity,DeviceProfileEntity,AbstractDeviceEntity,
 *               DeviceCredentialsEntity,AssetProfileEntity,AbstractAssetEntity,DashboardEntity,RuleChainEntity,
 *               RuleNodeEntity,AbstractAlarmEntity,AuditLogEntity,OtaPackageEntity}.java and
 *               dao/src/main/java/org/thingsboard/server/dao/model/sql/*EventEntity.java
 *   commit:     50daac16fabe40c520c2847369bef4b34876e1a7 (DeviceEntity.java as indexed)
 *   licence:    Apache-2.0
 * The tables and columns are ThingsBoard's (a subset of each); references are plain uuid columns,
 * as in ThingsBoard, whose foreign keys live in its SQL scripts, not in the mapping. The classes are
 * written for Belay's tests (no Lombok, no JSON converters: JSON is mapped as jsonb text).
 * Belay's corpus maps the alarm severity to a PostgreSQL enum type (ThingsBoard stores its name
 * in a varchar) to cover named enums, and maps the event tables (lc_event, stats_event,
 * error_event) as one TABLE_PER_CLASS hierarchy, where ThingsBoard shares a mapped superclass, to
 * cover table-per-class inheritance.
 */
package dev.belay.workbench.realapps.thingsboard;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * ThingsBoard: tenants and their profiles, customers, users and their credentials, device and
 * asset profiles, devices with credentials, assets, dashboards, rule chains and nodes, alarms,
 * the audit log, OTA packages (a large object) and three kinds of events. UUID ids, optimistic
 * locking versions, string, ordinal and native enums.
 */
public final class ThingsBoard {

    private ThingsBoard() {
    }

    public enum Authority {
        SYS_ADMIN, TENANT_ADMIN, CUSTOMER_USER, REFRESH_TOKEN, PRE_VERIFICATION_TOKEN
    }

    public enum DeviceProfileType {
        DEFAULT
    }

    public enum DeviceTransportType {
        DEFAULT, MQTT, COAP, LWM2M, SNMP
    }

    public enum DeviceProfileProvisionType {
        DISABLED, ALLOW_CREATE_NEW_DEVICES, CHECK_PRE_PROVISIONED_DEVICES, X509_CERTIFICATE_CHAIN
    }

    public enum DeviceCredentialsType {
        ACCESS_TOKEN, X509_CERTIFICATE, MQTT_BASIC, LWM2M_CREDENTIALS
    }

    public enum RuleChainType {
        CORE, EDGE
    }

    public enum EntityType {
        TENANT, CUSTOMER, USER, DASHBOARD, ASSET, DEVICE, ALARM, RULE_CHAIN, RULE_NODE
    }

    public enum AlarmSeverity {
        CRITICAL, MAJOR, MINOR, WARNING, INDETERMINATE
    }

    public enum ActionType {
        ADDED, DELETED, UPDATED, ATTRIBUTES_UPDATED, LOGIN, LOGOUT
    }

    public enum ActionStatus {
        SUCCESS, FAILURE
    }

    public enum OtaPackageType {
        FIRMWARE, SOFTWARE
    }

    public enum ChecksumAlgorithm {
        MD5, SHA256, SHA384, SHA512, CRC32, MURMUR3_32, MURMUR3_128
    }

    @MappedSuperclass
    public abstract static class BaseSqlEntity {

        @Id
        @Column(name = "id")
        UUID id;

        @Column(name = "created_time", updatable = false)
        long createdTime;

    }

    @MappedSuperclass
    public abstract static class VersionedEntity extends BaseSqlEntity {

        @Version
        @Column(name = "version")
        Long version;

    }

    @Entity(name = "TenantProfileEntity")
    @Table(name = "tenant_profile")
    public static class TenantProfileEntity extends BaseSqlEntity {

        @Column(name = "name", unique = true)
        String name;

        @Column(name = "description")
        String description;

        @Column(name = "is_default")
        boolean isDefault;

        @Column(name = "isolated_tb_rule_engine")
        boolean isolatedTbRuleEngine;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "profile_data")
        String profileData;

    }

    @Entity(name = "TenantEntity")
    @Table(name = "tenant")
    public static class TenantEntity extends VersionedEntity {

        @Column(name = "title")
        String title;

        @Column(name = "region")
        String region;

        @Column(name = "tenant_profile_id")
        UUID tenantProfileId;

        @Column(name = "country")
        String country;

        @Column(name = "city")
        String city;

        @Column(name = "address")
        String address;

        @Column(name = "zip")
        String zip;

        @Column(name = "phone")
        String phone;

        @Column(name = "email")
        String email;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String additionalInfo;

    }

    @Entity(name = "CustomerEntity")
    @Table(name = "customer")
    public static class CustomerEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "title")
        String title;

        @Column(name = "country")
        String country;

        @Column(name = "city")
        String city;

        @Column(name = "email")
        String email;

        @Column(name = "is_public")
        boolean isPublic;

        @Column(name = "external_id")
        UUID externalId;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String additionalInfo;

    }

    @Entity(name = "UserEntity")
    @Table(name = "tb_user")
    public static class UserEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "customer_id")
        UUID customerId;

        @Enumerated(EnumType.STRING)
        @Column(name = "authority")
        Authority authority;

        @Column(name = "email", unique = true)
        String email;

        @Column(name = "first_name")
        String firstName;

        @Column(name = "last_name")
        String lastName;

        @Column(name = "phone")
        String phone;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String additionalInfo;

    }

    @Entity(name = "UserCredentialsEntity")
    @Table(name = "user_credentials")
    public static class UserCredentialsEntity extends BaseSqlEntity {

        @Column(name = "user_id", unique = true)
        UUID userId;

        @Column(name = "enabled")
        boolean enabled;

        @Column(name = "password")
        String password;

        @Column(name = "activate_token", unique = true)
        String activateToken;

        @Column(name = "reset_token", unique = true)
        String resetToken;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String additionalInfo;

    }

    @Entity(name = "DeviceProfileEntity")
    @Table(name = "device_profile", uniqueConstraints = @UniqueConstraint(columnNames = { "tenant_id", "name" }))
    public static class DeviceProfileEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "name")
        String name;

        @Enumerated(EnumType.STRING)
        @Column(name = "type")
        DeviceProfileType type;

        @Enumerated(EnumType.STRING)
        @Column(name = "transport_type")
        DeviceTransportType transportType;

        @Enumerated(EnumType.STRING)
        @Column(name = "provision_type")
        DeviceProfileProvisionType provisionType;

        @Column(name = "description")
        String description;

        @Column(name = "is_default")
        boolean isDefault;

        @Column(name = "default_rule_chain_id")
        UUID defaultRuleChainId;

        @Column(name = "default_dashboard_id")
        UUID defaultDashboardId;

        @Column(name = "default_queue_name")
        String defaultQueueName;

        @Column(name = "provision_device_key", unique = true)
        String provisionDeviceKey;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "profile_data")
        String profileData;

    }

    @Entity(name = "DeviceEntity")
    @Table(name = "device", uniqueConstraints = @UniqueConstraint(columnNames = { "tenant_id", "name" }))
    public static class DeviceEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "customer_id")
        UUID customerId;

        @Column(name = "device_profile_id", nullable = false)
        UUID deviceProfileId;

        @Column(name = "name")
        String name;

        @Column(name = "type")
        String type;

        @Column(name = "label")
        String label;

        @Column(name = "search_text")
        String searchText;

        @Column(name = "firmware_id")
        UUID firmwareId;

        @Column(name = "external_id")
        UUID externalId;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "device_data")
        String deviceData;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String additionalInfo;

    }

    @Entity(name = "DeviceCredentialsEntity")
    @Table(name = "device_credentials")
    public static class DeviceCredentialsEntity extends BaseSqlEntity {

        @Column(name = "device_id", unique = true)
        UUID deviceId;

        @Enumerated(EnumType.STRING)
        @Column(name = "credentials_type")
        DeviceCredentialsType credentialsType;

        @Column(name = "credentials_id", unique = true)
        String credentialsId;

        @Column(name = "credentials_value", length = 10000)
        String credentialsValue;

    }

    @Entity(name = "AssetProfileEntity")
    @Table(name = "asset_profile", uniqueConstraints = @UniqueConstraint(columnNames = { "tenant_id", "name" }))
    public static class AssetProfileEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "name")
        String name;

        @Column(name = "description")
        String description;

        @Column(name = "image", length = 1000000)
        String image;

        @Column(name = "is_default")
        boolean isDefault;

        @Column(name = "default_rule_chain_id")
        UUID defaultRuleChainId;

        @Column(name = "default_queue_name")
        String defaultQueueName;

    }

    @Entity(name = "AssetEntity")
    @Table(name = "asset", uniqueConstraints = @UniqueConstraint(columnNames = { "tenant_id", "name" }))
    public static class AssetEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "customer_id")
        UUID customerId;

        @Column(name = "asset_profile_id", nullable = false)
        UUID assetProfileId;

        @Column(name = "name")
        String name;

        @Column(name = "type")
        String type;

        @Column(name = "label")
        String label;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String additionalInfo;

    }

    @Entity(name = "DashboardEntity")
    @Table(name = "dashboard")
    public static class DashboardEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "title")
        String title;

        @Column(name = "image", length = 1000000)
        String image;

        @Column(name = "mobile_hide")
        boolean mobileHide;

        @Column(name = "mobile_order")
        Integer mobileOrder;

        @Column(name = "assigned_customers", length = 1000000)
        String assignedCustomers;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "configuration")
        String configuration;

    }

    @Entity(name = "RuleChainEntity")
    @Table(name = "rule_chain")
    public static class RuleChainEntity extends VersionedEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "name")
        String name;

        @Enumerated(EnumType.STRING)
        @Column(name = "type")
        RuleChainType type;

        @Column(name = "first_rule_node_id")
        UUID firstRuleNodeId;

        @Column(name = "root")
        boolean root;

        @Column(name = "debug_mode")
        boolean debugMode;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "configuration")
        String configuration;

    }

    @Entity(name = "RuleNodeEntity")
    @Table(name = "rule_node")
    public static class RuleNodeEntity extends BaseSqlEntity {

        @Column(name = "rule_chain_id")
        UUID ruleChainId;

        @Column(name = "type")
        String type;

        @Column(name = "name")
        String name;

        @Column(name = "configuration_version")
        int configurationVersion;

        @Column(name = "singleton_mode")
        boolean singletonMode;

        @Column(name = "queue_name")
        String queueName;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "configuration")
        String configuration;

    }

    @Entity(name = "AlarmEntity")
    @Table(name = "alarm")
    public static class AlarmEntity extends BaseSqlEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "customer_id")
        UUID customerId;

        @Column(name = "type")
        String type;

        @Column(name = "originator_id")
        UUID originatorId;

        @Column(name = "originator_type")
        EntityType originatorType;

        @JdbcTypeCode(SqlTypes.NAMED_ENUM)
        @Column(name = "severity")
        AlarmSeverity severity;

        @Column(name = "acknowledged")
        boolean acknowledged;

        @Column(name = "cleared")
        boolean cleared;

        @Column(name = "assignee_id")
        UUID assigneeId;

        @Column(name = "start_ts")
        Long startTs;

        @Column(name = "end_ts")
        Long endTs;

        @Column(name = "ack_ts")
        Long ackTs;

        @Column(name = "clear_ts")
        Long clearTs;

        @Column(name = "propagate")
        boolean propagate;

        @Column(name = "propagate_relation_types")
        String propagateRelationTypes;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String details;

    }

    @Entity(name = "AuditLogEntity")
    @Table(name = "audit_log")
    public static class AuditLogEntity extends BaseSqlEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "customer_id")
        UUID customerId;

        @Enumerated(EnumType.STRING)
        @Column(name = "entity_type")
        EntityType entityType;

        @Column(name = "entity_id")
        UUID entityId;

        @Column(name = "entity_name")
        String entityName;

        @Column(name = "user_id")
        UUID userId;

        @Column(name = "user_name")
        String userName;

        @Enumerated(EnumType.STRING)
        @Column(name = "action_type")
        ActionType actionType;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "action_data")
        String actionData;

        @Enumerated(EnumType.STRING)
        @Column(name = "action_status")
        ActionStatus actionStatus;

        @Column(name = "action_failure_details", length = 1000000)
        String actionFailureDetails;

    }

    @Entity(name = "OtaPackageEntity")
    @Table(name = "ota_package",
            uniqueConstraints = @UniqueConstraint(columnNames = { "tenant_id", "title", "version" }))
    public static class OtaPackageEntity extends BaseSqlEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "device_profile_id")
        UUID deviceProfileId;

        @Enumerated(EnumType.STRING)
        @Column(name = "type")
        OtaPackageType type;

        @Column(name = "title")
        String title;

        @Column(name = "version")
        String version;

        @Column(name = "tag")
        String tag;

        @Column(name = "url")
        String url;

        @Column(name = "file_name")
        String fileName;

        @Column(name = "content_type")
        String contentType;

        @Enumerated(EnumType.STRING)
        @Column(name = "checksum_algorithm")
        ChecksumAlgorithm checksumAlgorithm;

        @Column(name = "checksum", length = 1020)
        String checksum;

        @Lob
        @Column(name = "data")
        byte[] data;

        @Column(name = "data_size")
        Long dataSize;

    }

    @Entity(name = "EventEntity")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    public abstract static class EventEntity {

        @Id
        @Column(name = "id")
        UUID id;

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "ts")
        long ts;

        @Column(name = "entity_id")
        UUID entityId;

        @Column(name = "service_id")
        String serviceId;

    }

    @Entity(name = "LifecycleEventEntity")
    @Table(name = "lc_event")
    public static class LifecycleEventEntity extends EventEntity {

        @Column(name = "e_type")
        String eventType;

        @Column(name = "e_success")
        boolean success;

        @Column(name = "e_error")
        String error;

    }

    @Entity(name = "StatisticsEventEntity")
    @Table(name = "stats_event")
    public static class StatisticsEventEntity extends EventEntity {

        @Column(name = "e_messages_processed")
        long messagesProcessed;

        @Column(name = "e_errors_occurred")
        long errorsOccurred;

    }

    @Entity(name = "ErrorEventEntity")
    @Table(name = "error_event")
    public static class ErrorEventEntity extends EventEntity {

        @Column(name = "e_method")
        String method;

        @Column(name = "e_error")
        String error;

    }

}
