package dev.belay.workbench.realapps.jhipster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * The next release of {@link JHipsterSample} (Belay's corpus, not JHipster's): operations get a
 * value date and longer descriptions, remember-me tokens forget the user agent, and transfers
 * link two accounts and the operation that booked them, numbered from the shared sequence.
 */
public final class JHipsterSampleEvolved {

    private JHipsterSampleEvolved() {
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

        @ManyToOne
        JHipsterSample.User user;

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

        @Column(name = "value_date")
        LocalDate valueDate;

        @Column(name = "description", length = 1024)
        String description;

        @Column(name = "amount", precision = 21, scale = 2, nullable = false)
        BigDecimal amount;

        @ManyToOne
        JHipsterSample.BankAccount bankAccount;

        @ManyToMany
        @JoinTable(name = "rel_operation__label", joinColumns = @JoinColumn(name = "operation_id"),
                inverseJoinColumns = @JoinColumn(name = "label_id"))
        Set<JHipsterSample.Label> labels = new HashSet<>();

    }

    @Entity(name = "Transfer")
    @Table(name = "transfer")
    public static class Transfer {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
        @SequenceGenerator(name = "sequenceGenerator")
        Long id;

        @ManyToOne(optional = false)
        @JoinColumn(name = "from_account_id")
        JHipsterSample.BankAccount from;

        @ManyToOne(optional = false)
        @JoinColumn(name = "to_account_id")
        JHipsterSample.BankAccount to;

        @ManyToOne
        @JoinColumn(name = "operation_id")
        Operation operation;

        @Column(name = "amount", precision = 21, scale = 2, nullable = false)
        BigDecimal amount;

    }

}
