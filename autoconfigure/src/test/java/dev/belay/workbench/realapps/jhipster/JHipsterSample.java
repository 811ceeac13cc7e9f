/*
 * Modelled on the domain model of the JHipster sample application:
 *   repository: https://github.com/jhipster/jhipster-sample-app
 *   paths:      src/main/java/io/github/jhipster/sample/domain/{AbstractAuditingEntity,Authority,BankAccount,
 *               Label,Operation,PersistentAuditEvent,PersistentToken,User}.java
 *   commit:     09645ca224eadb7c445d3998c311c540d42dd049 (Operation.java as indexed)
 *   licence:    Apache-2.0
 * The tables, columns, the shared "sequenceGenerator" and the associations are the sample's; the
 * classes are written for Belay's tests (no accessors, no Jackson, cache or validation annotations).
 * Belay's corpus adds @SoftDelete to bank accounts to cover soft deletion, and spells the
 * operation's date column "date" quoted, where JHipster prefixes it (jhi_date), to cover quoted
 * names.
 */
package dev.belay.workbench.realapps.jhipster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;

/**
 * The JHipster sample: users with authorities and remember-me tokens, audit events with a map of
 * data, bank accounts, their operations and labels. Every entity but the authority takes its id
 * from one sequence, {@code sequence_generator}.
 */
public final class JHipsterSample {

    private JHipsterSample() {
    }

    @MappedSuperclass
    public abstract static class AbstractAuditingEntity {

        @Column(name = "created_by", nullable = false, length = 50, updatable = false)
        String createdBy;

        @Column(name = "created_date", updatable = false)
        Instant createdDate = Instant.now();

        @Column(name = "last_modified_by", length = 50)
        String lastModifiedBy;

        @Column(name = "last_modified_date")
        Instant lastModifiedDate = Instant.now();

    }

    @Entity(name = "Authority")
    @Table(name = "jhi_authority")
    public static class Authority {

        @Id
        @Column(name = "name", length = 50, nullable = false)
        String name;

    }

    @Entity(name = "User")
    @Table(name = "jhi_user")
    public static class User extends AbstractAuditingEntity {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
        @SequenceGenerator(name = "sequenceGenerator")
        Long id;

        @Column(length = 50, unique = true, nullable = false)
        String login;

        @Column(name = "password_hash", length = 60, nullable = false)
        String password;

        @Column(name = "first_name", length = 50)
        String firstName;

        @Column(name = "last_name", length = 50)
        String lastName;

        @Column(length = 254, unique = true)
        String email;

        @Column(nullable = false)
        boolean activated = false;

        @Column(name = "lang_key", length = 10)
        String langKey;

        @Column(name = "image_url", length = 256)
        String imageUrl;

        @Column(name = "activation_key", length = 20)
        String activationKey;

        @Column(name = "reset_key", length = 20)
        String resetKey;

        @Column(name = "reset_date")
        Instant resetDate;

        @ManyToMany
        @JoinTable(name = "jhi_user_authority", joinColumns = @JoinColumn(name = "user_id", referencedColumnName = "id"),
                inverseJoinColumns = @JoinColumn(name = "authority_name", referencedColumnName = "name"))
        Set<Authority> authorities = new HashSet<>();

    }

    @Entity(name = "PersistentToken")
    @Table(name = "jhi_persistent_token")
    public static class PersistentToken {

        @Id
        @Column(length = 20)
        String series;

        @Column(name = "token_value", length = 20, nullable = false)
        String tokenValue;

        @Column(name = "token_date")
        LocalDate tokenDate;

        @Column(name = "ip_address", length = 39)
        String ipAddress;

        @Column(name = "user_agent")
        String userAgent;

        @ManyToOne
        User user;

    }

    @Entity(name = "PersistentAuditEvent")
    @Table(name = "jhi_persistent_audit_event")
    public static class PersistentAuditEvent {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
        @SequenceGenerator(name = "sequenceGenerator")
        @Column(name = "event_id")
        Long id;

        @Column(nullable = false)
        String principal;

        @Column(name = "event_date")
        Instant auditEventDate;

        @Column(name = "event_type")
        String auditEventType;

        @ElementCollection
        @MapKeyColumn(name = "name")
        @Column(name = "value")
        @CollectionTable(name = "jhi_persistent_audit_evt_data", joinColumns = @JoinColumn(name = "event_id"))
        Map<String, String> data = new HashMap<>();

    }

    @Entity(name = "BankAccount")
    @Table(name = "bank_account")
    @SoftDelete
    public static class BankAccount {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
        @SequenceGenerator(name = "sequenceGenerator")
        Long id;

        @Column(name = "name", nullable = false)
        String name;

        @Column(name = "balance", precision = 21, scale = 2, nullable = false)
        BigDecimal balance;

        @ManyToOne
        User user;

    }

    @Entity(name = "Label")
    @Table(name = "label")
    public static class Label {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
        @SequenceGenerator(name = "sequenceGenerator")
        Long id;

        @Column(name = "label", nullable = false)
        String label;

    }

    @Entity(name = "Operation")
    @Table(name = "operation")
    public static class Operation {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
        @SequenceGenerator(name = "sequenceGenerator")
        Long id;

        @Column(name = "\"date\"", nullable = false)
        Instant date;

        @Column(name = "description")
        String description;

        @Column(name = "amount", precision = 21, scale = 2, nullable = false)
        BigDecimal amount;

        @ManyToOne
        BankAccount bankAccount;

        @ManyToMany
        @JoinTable(name = "rel_operation__label", joinColumns = @JoinColumn(name = "operation_id"),
                inverseJoinColumns = @JoinColumn(name = "label_id"))
        Set<Label> labels = new HashSet<>();

    }

}
