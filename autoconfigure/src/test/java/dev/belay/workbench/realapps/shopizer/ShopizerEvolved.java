package dev.belay.workbench.realapps.shopizer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;

/**
 * The next release of {@link Shopizer} (Belay's corpus, not Shopizer's): orders can be shipped
 * (a new status in their history), order totals forget their module and get a tax rate and longer
 * titles, and customers review products (Shopizer's own PRODUCT_REVIEW table).
 */
public final class ShopizerEvolved {

    private ShopizerEvolved() {
    }

    public enum OrderStatus {
        ORDERED, PROCESSED, SHIPPED, DELIVERED, REFUNDED, CANCELED
    }

    @Entity(name = "OrderTotal")
    @Table(name = "ORDER_TOTAL")
    public static class OrderTotal {

        @Id
        @Column(name = "ORDER_ACCOUNT_ID", unique = true, nullable = false)
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "ORDER_TOTAL_ID_NEXT_VALUE")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Column(name = "CODE", nullable = false)
        String orderTotalCode;

        @Column(name = "TITLE", length = 512)
        String title;

        @Column(name = "TEXT", columnDefinition = "text")
        String text;

        @Column(name = "VALUE", precision = 15, scale = 4, nullable = false)
        BigDecimal value;

        @Column(name = "TAX_RATE", precision = 7, scale = 4)
        BigDecimal taxRate;

        @Column(name = "ORDER_VALUE_TYPE")
        @Enumerated(EnumType.STRING)
        Shopizer.OrderValueType orderValueType = Shopizer.OrderValueType.ONE_TIME;

        @Column(name = "ORDER_TOTAL_TYPE")
        @Enumerated(EnumType.STRING)
        Shopizer.OrderTotalType orderTotalType;

        @Column(name = "SORT_ORDER", nullable = false)
        int sortOrder;

        @ManyToOne
        @JoinColumn(name = "ORDER_ID", nullable = false)
        Shopizer.Order order;

    }

    @Entity(name = "OrderStatusHistory")
    @Table(name = "ORDER_STATUS_HISTORY")
    public static class OrderStatusHistory {

        @Id
        @Column(name = "ORDER_STATUS_HISTORY_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "STATUS_HIST_ID_NEXT_VALUE")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @ManyToOne
        @JoinColumn(name = "ORDER_ID", nullable = false)
        Shopizer.Order order;

        @Enumerated(EnumType.STRING)
        @Column(name = "ORDER_STATUS")
        OrderStatus status;

        @Column(name = "DATE_ADDED", nullable = false)
        LocalDateTime dateAdded;

        @Column(name = "CUSTOMER_NOTIFIED")
        Integer customerNotified;

        @Column(name = "COMMENTS", columnDefinition = "text")
        String comments;

    }

    @Entity(name = "ProductReview")
    @Table(name = "PRODUCT_REVIEW",
            uniqueConstraints = @UniqueConstraint(columnNames = { "CUSTOMERS_ID", "PRODUCT_ID" }))
    public static class ProductReview {

        @Id
        @Column(name = "PRODUCT_REVIEW_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "PRODUCT_REVIEW_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Embedded
        Shopizer.AuditSection audit = new Shopizer.AuditSection();

        @Column(name = "REVIEWS_RATING")
        Double reviewRating;

        @Column(name = "REVIEWS_READ")
        Long reviewRead;

        @Column(name = "REVIEW_DATE")
        LocalDate reviewDate;

        @Column(name = "STATUS")
        Integer status;

        @ManyToOne
        @JoinColumn(name = "CUSTOMERS_ID")
        Shopizer.Customer customer;

        @ManyToOne
        @JoinColumn(name = "PRODUCT_ID")
        Shopizer.Product product;

    }

}
