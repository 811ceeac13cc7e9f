package dev.belay.workbench.realapps.thingsboard;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The next release of {@link ThingsBoard} (Belay's corpus, after changes ThingsBoard itself
 * made): devices drop their search text and get a software package, alarms get a new severity,
 * audit entries keep longer entity names, and alarms get comments.
 */
public final class ThingsBoardEvolved {

    private ThingsBoardEvolved() {
    }

    public enum AlarmSeverity {
        CRITICAL, MAJOR, MINOR, WARNING, INDETERMINATE, INFO
    }

    public enum AlarmCommentType {
        SYSTEM, OTHER
    }

    @Entity(name = "DeviceEntity")
    @Table(name = "device", uniqueConstraints = @UniqueConstraint(columnNames = { "tenant_id", "name" }))
    public static class DeviceEntity extends ThingsBoard.VersionedEntity {

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

        @Column(name = "firmware_id")
        UUID firmwareId;

        @Column(name = "software_id")
        UUID softwareId;

        @Column(name = "external_id")
        UUID externalId;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "device_data")
        String deviceData;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "additional_info")
        String additionalInfo;

    }

    @Entity(name = "AlarmEntity")
    @Table(name = "alarm")
    public static class AlarmEntity extends ThingsBoard.BaseSqlEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "customer_id")
        UUID customerId;

        @Column(name = "type")
        String type;

        @Column(name = "originator_id")
        UUID originatorId;

        @Column(name = "originator_type")
        ThingsBoard.EntityType originatorType;

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
    public static class AuditLogEntity extends ThingsBoard.BaseSqlEntity {

        @Column(name = "tenant_id")
        UUID tenantId;

        @Column(name = "customer_id")
        UUID customerId;

        @Enumerated(EnumType.STRING)
        @Column(name = "entity_type")
        ThingsBoard.EntityType entityType;

        @Column(name = "entity_id")
        UUID entityId;

        @Column(name = "entity_name", length = 1024)
        String entityName;

        @Column(name = "user_id")
        UUID userId;

        @Column(name = "user_name")
        String userName;

        @Enumerated(EnumType.STRING)
        @Column(name = "action_type")
        ThingsBoard.ActionType actionType;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "action_data")
        String actionData;

        @Enumerated(EnumType.STRING)
        @Column(name = "action_status")
        ThingsBoard.ActionStatus actionStatus;

        @Column(name = "action_failure_details", length = 1000000)
        String actionFailureDetails;

    }

    @Entity(name = "AlarmCommentEntity")
    @Table(name = "alarm_comment")
    public static class AlarmCommentEntity extends ThingsBoard.BaseSqlEntity {

        @Column(name = "alarm_id", nullable = false)
        UUID alarmId;

        @Column(name = "user_id")
        UUID userId;

        @Enumerated(EnumType.STRING)
        @Column(name = "type")
        AlarmCommentType type;

        @JdbcTypeCode(SqlTypes.JSON)
        @Column(name = "comment")
        String comment;

    }

}
