/*
 * Modelled on Shopizer's core model:
 *   repository: https://github.com/shopizer-ecommerce/shopizer
 *   paths:      sm-core-model/src/main/java/com/salesmanager/core/model/{reference/language/Language,
 *               reference/currency/Currency,reference/country/Country,reference/zone/Zone,merchant/MerchantStore,
 *               customer/Customer,common/Billing,common/Delivery,common/audit/AuditSection,common/description/Description,
 *               catalog/product/manufacturer/Manufacturer,catalog/category/Category,
 *               catalog/category/CategoryDescription,catalog/product/Product,
 *               catalog/product/description/ProductDescription,catalog/product/availability/ProductAvailability,
 *               catalog/product/price/ProductPrice,order/Order,order/orderproduct/OrderProduct,order/OrderTotal,
 *               order/orderstatus/OrderStatusHistory}.java
 *   commit:     579f45e56b18b07e48b0fa7a588bd3508f2b50f0 (order/Order.java as indexed)
 *   licence:    Apache-2.0
 * The tables, columns, embeddables and the ids drawn from one generator table, SM_SEQUENCER, are
 * Shopizer's (a subset of each entity's columns; its SALESMANAGER schema left out so that the model
 * lives in the test's schema). The classes are written for Belay's tests (no accessors, no
 * validation or JSON annotations).
 * Belay's corpus adds: a geolocation nested in the delivery address (Shopizer keeps latitude and
 * longitude as two fields of it), to cover nested embeddables; the customer's address book, an
 * ordered element collection of delivery addresses, to cover @ElementCollection of embeddables
 * and @OrderColumn; and persistent payments, credit card and PayPal, as a JOINED hierarchy (after
 * Shopizer's payment model classes), to cover joined inheritance.
 */
package dev.belay.workbench.realapps.shopizer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;

/**
 * Shopizer: languages, currencies, countries and zones, merchant stores, customers with billing
 * and delivery addresses, manufacturers, categories and products with their descriptions,
 * availabilities and prices, orders with their products, totals and status history, and
 * payments. Every id comes from the generator table {@code SM_SEQUENCER}, a row per entity.
 */
public final class Shopizer {

    private Shopizer() {
    }

    public enum CustomerGender {
        M, F
    }

    public enum OrderStatus {
        ORDERED, PROCESSED, DELIVERED, REFUNDED, CANCELED
    }

    public enum OrderChannel {
        ONLINE, API, POS
    }

    public enum OrderType {
        ORDER, BOOKING
    }

    public enum PaymentType {
        CREDITCARD, FREE, COD, MONEYORDER, PAYPAL, STRIPE
    }

    public enum OrderValueType {
        ONE_TIME, MONTHLY
    }

    public enum OrderTotalType {
        SHIPPING, HANDLING, TAX, PRODUCT, SUBTOTAL, TOTAL, CREDIT, REFUND
    }

    public enum ProductPriceType {
        ONE_TIME, MONTHLY
    }

    public enum TransactionType {
        INIT, AUTHORIZE, CAPTURE, AUTHORIZECAPTURE, REFUND, OBSOLETE
    }

    public enum CreditCardType {
        AMEX, VISA, MASTERCARD, DINERS, DISCOVERY, JCB
    }

    @Embeddable
    public static class AuditSection {

        @Column(name = "DATE_CREATED")
        LocalDate dateCreated;

        @Column(name = "DATE_MODIFIED")
        LocalDate dateModified;

        @Column(name = "UPDT_ID", length = 60)
        String modifiedBy;

    }

    @Embeddable
    public static class GeoPoint {

        @Column(name = "DELIVERY_LATITUDE", length = 100)
        String latitude;

        @Column(name = "DELIVERY_LONGITUDE", length = 100)
        String longitude;

    }

    @Embeddable
    public static class Billing {

        @Column(name = "BILLING_LAST_NAME", length = 64, nullable = false)
        String lastName;

        @Column(name = "BILLING_FIRST_NAME", length = 64, nullable = false)
        String firstName;

        @Column(name = "BILLING_COMPANY", length = 100)
        String company;

        @Column(name = "BILLING_STREET_ADDRESS", length = 256)
        String address;

        @Column(name = "BILLING_CITY", length = 100)
        String city;

        @Column(name = "BILLING_POSTCODE", length = 20)
        String postalCode;

        @Column(name = "BILLING_TELEPHONE", length = 32)
        String telephone;

        @Column(name = "BILLING_STATE", length = 100)
        String state;

        @ManyToOne
        @JoinColumn(name = "BILLING_COUNTRY_ID", nullable = false)
        Country country;

        @ManyToOne
        @JoinColumn(name = "BILLING_ZONE_ID")
        Zone zone;

    }

    @Embeddable
    public static class Delivery {

        @Column(name = "DELIVERY_LAST_NAME", length = 64)
        String lastName;

        @Column(name = "DELIVERY_FIRST_NAME", length = 64)
        String firstName;

        @Column(name = "DELIVERY_COMPANY", length = 100)
        String company;

        @Column(name = "DELIVERY_STREET_ADDRESS", length = 256)
        String address;

        @Column(name = "DELIVERY_CITY", length = 100)
        String city;

        @Column(name = "DELIVERY_POSTCODE", length = 20)
        String postalCode;

        @Column(name = "DELIVERY_STATE", length = 100)
        String state;

        @Column(name = "DELIVERY_TELEPHONE", length = 32)
        String telephone;

        @Embedded
        GeoPoint location;

        @ManyToOne
        @JoinColumn(name = "DELIVERY_COUNTRY_ID")
        Country country;

        @ManyToOne
        @JoinColumn(name = "DELIVERY_ZONE_ID")
        Zone zone;

    }

    @Entity(name = "Language")
    @Table(name = "LANGUAGE")
    public static class Language {

        @Id
        @Column(name = "LANGUAGE_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "LANG_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Integer id;

        @Embedded
        AuditSection auditSection = new AuditSection();

        @Column(name = "CODE", nullable = false, unique = true)
        String code;

        @Column(name = "SORT_ORDER")
        Integer sortOrder;

    }

    @Entity(name = "Currency")
    @Table(name = "CURRENCY")
    public static class Currency {

        @Id
        @Column(name = "CURRENCY_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "CURRENCY_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Column(name = "CURRENCY_CURRENCY_CODE", length = 3, nullable = false, unique = true)
        String currency;

        @Column(name = "CURRENCY_SUPPORTED")
        Boolean supported = true;

        @Column(name = "CURRENCY_CODE", unique = true)
        String code;

        @Column(name = "CURRENCY_NAME", unique = true)
        String name;

    }

    @Entity(name = "Country")
    @Table(name = "COUNTRY")
    public static class Country {

        @Id
        @Column(name = "COUNTRY_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "COUNTRY_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Integer id;

        @Column(name = "COUNTRY_SUPPORTED")
        boolean supported = true;

        @Column(name = "COUNTRY_ISOCODE", unique = true, nullable = false)
        String isoCode;

    }

    @Entity(name = "Zone")
    @Table(name = "ZONE")
    public static class Zone {

        @Id
        @Column(name = "ZONE_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "ZONE_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @ManyToOne
        @JoinColumn(name = "COUNTRY_ID", nullable = false)
        Country country;

        @Column(name = "ZONE_CODE", unique = true, nullable = false)
        String code;

    }

    @Entity(name = "MerchantStore")
    @Table(name = "MERCHANT_STORE")
    public static class MerchantStore {

        @Id
        @Column(name = "MERCHANT_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "STORE_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Integer id;

        @Embedded
        AuditSection auditSection = new AuditSection();

        @Column(name = "STORE_NAME", nullable = false, length = 100)
        String storename;

        @Column(name = "STORE_CODE", nullable = false, unique = true, length = 100)
        String code;

        @Column(name = "STORE_PHONE", length = 50)
        String storephone;

        @Column(name = "STORE_ADDRESS")
        String storeaddress;

        @Column(name = "STORE_CITY", length = 100)
        String storecity;

        @Column(name = "STORE_POSTAL_CODE", length = 15)
        String storepostalcode;

        @ManyToOne
        @JoinColumn(name = "COUNTRY_ID", nullable = false)
        Country country;

        @ManyToOne
        @JoinColumn(name = "ZONE_ID")
        Zone zone;

        @ManyToOne
        @JoinColumn(name = "LANGUAGE_ID", nullable = false)
        Language defaultLanguage;

        @ManyToMany
        @JoinTable(name = "MERCHANT_LANGUAGE", joinColumns = @JoinColumn(name = "STORES_MERCHANT_ID"),
                inverseJoinColumns = @JoinColumn(name = "LANGUAGES_LANGUAGE_ID"))
        List<Language> languages = new ArrayList<>();

        @ManyToOne
        @JoinColumn(name = "CURRENCY_ID", nullable = false)
        Currency currency;

        @Column(name = "WEIGHTUNITCODE", length = 5)
        String weightunitcode;

        @Column(name = "SEIZEUNITCODE", length = 5)
        String seizeunitcode;

        @Column(name = "IN_BUSINESS_SINCE")
        LocalDate inBusinessSince;

        @Column(name = "STORE_EMAIL", length = 60, nullable = false)
        String storeEmailAddress;

        @Column(name = "STORE_TEMPLATE", length = 25)
        String storeTemplate;

        @Column(name = "DOMAIN_NAME", length = 80)
        String domainName;

    }

    @Entity(name = "Customer")
    @Table(name = "CUSTOMER")
    public static class Customer {

        @Id
        @Column(name = "CUSTOMER_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "CUSTOMER_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Embedded
        AuditSection auditSection = new AuditSection();

        @Column(name = "CUSTOMER_GENDER", length = 1)
        @Enumerated(EnumType.STRING)
        CustomerGender gender;

        @Column(name = "CUSTOMER_DOB")
        LocalDate dateOfBirth;

        @Column(name = "CUSTOMER_EMAIL_ADDRESS", length = 96, nullable = false)
        String emailAddress;

        @Column(name = "CUSTOMER_NICK", length = 96)
        String nick;

        @Column(name = "CUSTOMER_COMPANY", length = 100)
        String company;

        @Column(name = "CUSTOMER_PASSWORD", length = 60)
        String password;

        @Column(name = "CUSTOMER_ANONYMOUS")
        boolean anonymous;

        @ManyToOne
        @JoinColumn(name = "LANGUAGE_ID", nullable = false)
        Language defaultLanguage;

        @ManyToOne
        @JoinColumn(name = "MERCHANT_ID", nullable = false)
        MerchantStore merchantStore;

        @Embedded
        Delivery delivery;

        @Embedded
        Billing billing;

        @ElementCollection
        @CollectionTable(name = "CUSTOMER_ADDRESS_BOOK", joinColumns = @JoinColumn(name = "CUSTOMER_ID"))
        @OrderColumn(name = "POSITION")
        List<Delivery> addressBook = new ArrayList<>();

    }

    @Entity(name = "Manufacturer")
    @Table(name = "MANUFACTURER", uniqueConstraints = @UniqueConstraint(columnNames = { "MERCHANT_ID", "CODE" }))
    public static class Manufacturer {

        @Id
        @Column(name = "MANUFACTURER_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "MANUFACT_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Embedded
        AuditSection auditSection = new AuditSection();

        @ManyToOne
        @JoinColumn(name = "MERCHANT_ID", nullable = false)
        MerchantStore merchantStore;

        @Column(name = "MANUFACTURER_IMAGE")
        String image;

        @Column(name = "SORT_ORDER")
        Integer order = 0;

        @Column(name = "CODE", length = 100, nullable = false)
        String code;

    }

    @Entity(name = "Category")
    @Table(name = "CATEGORY", uniqueConstraints = @UniqueConstraint(columnNames = { "MERCHANT_ID", "CODE" }))
    public static class Category {

        @Id
        @Column(name = "CATEGORY_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "CATEGORY_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Embedded
        AuditSection auditSection = new AuditSection();

        @ManyToOne
        @JoinColumn(name = "MERCHANT_ID", nullable = false)
        MerchantStore merchantStore;

        @ManyToOne
        @JoinColumn(name = "PARENT_ID")
        Category parent;

        @Column(name = "CATEGORY_IMAGE", length = 100)
        String categoryImage;

        @Column(name = "SORT_ORDER")
        Integer sortOrder = 0;

        @Column(name = "CATEGORY_STATUS")
        boolean categoryStatus;

        @Column(name = "VISIBLE")
        boolean visible;

        @Column(name = "DEPTH")
        Integer depth;

        @Column(name = "LINEAGE")
        String lineage;

        @Column(name = "FEATURED")
        boolean featured;

        @Column(name = "CODE", length = 100, nullable = false)
        String code;

    }

    @MappedSuperclass
    public abstract static class Description {

        @Embedded
        AuditSection auditSection = new AuditSection();

        @ManyToOne
        @JoinColumn(name = "LANGUAGE_ID")
        Language language;

        @Column(name = "NAME", nullable = false, length = 120)
        String name;

        @Column(name = "TITLE", length = 100)
        String title;

        @Column(name = "DESCRIPTION", columnDefinition = "text")
        String description;

    }

    @Entity(name = "CategoryDescription")
    @Table(name = "CATEGORY_DESCRIPTION",
            uniqueConstraints = @UniqueConstraint(columnNames = { "CATEGORY_ID", "LANGUAGE_ID" }))
    public static class CategoryDescription extends Description {

        @Id
        @Column(name = "DESCRIPTION_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "CATEGORY_DESC_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @ManyToOne
        @JoinColumn(name = "CATEGORY_ID", nullable = false)
        Category category;

        @Column(name = "SEF_URL", length = 120)
        String seUrl;

        @Column(name = "CATEGORY_HIGHLIGHT")
        String categoryHighlight;

        @Column(name = "META_TITLE", length = 120)
        String metatagTitle;

        @Column(name = "META_KEYWORDS")
        String metatagKeywords;

        @Column(name = "META_DESCRIPTION")
        String metatagDescription;

    }

    @Entity(name = "Product")
    @Table(name = "PRODUCT", uniqueConstraints = @UniqueConstraint(columnNames = { "MERCHANT_ID", "SKU" }))
    public static class Product {

        @Id
        @Column(name = "PRODUCT_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "PRODUCT_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Embedded
        AuditSection auditSection = new AuditSection();

        @ManyToOne
        @JoinColumn(name = "MERCHANT_ID", nullable = false)
        MerchantStore merchantStore;

        @ManyToOne
        @JoinColumn(name = "MANUFACTURER_ID")
        Manufacturer manufacturer;

        @ManyToMany
        @JoinTable(name = "PRODUCT_CATEGORY", joinColumns = @JoinColumn(name = "PRODUCT_ID", nullable = false),
                inverseJoinColumns = @JoinColumn(name = "CATEGORY_ID", nullable = false))
        Set<Category> categories = new HashSet<>();

        @Column(name = "DATE_AVAILABLE")
        LocalDate dateAvailable;

        @Column(name = "AVAILABLE")
        boolean available = true;

        @Column(name = "PRODUCT_VIRTUAL")
        boolean productVirtual;

        @Column(name = "PRODUCT_SHIP")
        boolean productShipeable;

        @Column(name = "PRODUCT_FREE")
        boolean productIsFree;

        @Column(name = "PRODUCT_LENGTH")
        BigDecimal productLength;

        @Column(name = "PRODUCT_WIDTH")
        BigDecimal productWidth;

        @Column(name = "PRODUCT_HEIGHT")
        BigDecimal productHeight;

        @Column(name = "PRODUCT_WEIGHT")
        BigDecimal productWeight;

        @Column(name = "REVIEW_AVG")
        BigDecimal productReviewAvg;

        @Column(name = "REVIEW_COUNT")
        Integer productReviewCount;

        @Column(name = "SORT_ORDER")
        Integer sortOrder = 0;

        @Column(name = "SKU")
        String sku;

        @Column(name = "REF_SKU")
        String refSku;

    }

    @Entity(name = "ProductDescription")
    @Table(name = "PRODUCT_DESCRIPTION",
            uniqueConstraints = @UniqueConstraint(columnNames = { "PRODUCT_ID", "LANGUAGE_ID" }))
    public static class ProductDescription extends Description {

        @Id
        @Column(name = "DESCRIPTION_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "PRODUCT_DESC_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @ManyToOne
        @JoinColumn(name = "PRODUCT_ID", nullable = false)
        Product product;

        @Column(name = "PRODUCT_HIGHLIGHT")
        String productHighlight;

        @Column(name = "SEF_URL")
        String seUrl;

        @Column(name = "META_TITLE")
        String metatagTitle;

        @Column(name = "META_KEYWORDS")
        String metatagKeywords;

        @Column(name = "META_DESCRIPTION")
        String metatagDescription;

    }

    @Entity(name = "ProductAvailability")
    @Table(name = "PRODUCT_AVAILABILITY")
    public static class ProductAvailability {

        @Id
        @Column(name = "PRODUCT_AVAIL_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "PRODUCT_AVAIL_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Embedded
        AuditSection auditSection = new AuditSection();

        @ManyToOne
        @JoinColumn(name = "PRODUCT_ID", nullable = false)
        Product product;

        @ManyToOne
        @JoinColumn(name = "MERCHANT_ID")
        MerchantStore merchantStore;

        @Column(name = "QUANTITY")
        Integer productQuantity = 0;

        @Column(name = "DATE_AVAILABLE")
        LocalDate productDateAvailable;

        @Column(name = "REGION")
        String region = "*";

        @Column(name = "REGION_VARIANT")
        String regionVariant;

        @Column(name = "STATUS")
        boolean productStatus = true;

        @Column(name = "FREE_SHIPPING")
        boolean productIsAlwaysFreeShipping;

        @Column(name = "QUANTITY_ORD_MIN")
        Integer productQuantityOrderMin = 0;

        @Column(name = "QUANTITY_ORD_MAX")
        Integer productQuantityOrderMax = 0;

    }

    @Entity(name = "ProductPrice")
    @Table(name = "PRODUCT_PRICE")
    public static class ProductPrice {

        @Id
        @Column(name = "PRODUCT_PRICE_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "PRODUCT_PRICE_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Column(name = "PRODUCT_PRICE_CODE", nullable = false)
        String code = "base";

        @Column(name = "PRODUCT_PRICE_AMOUNT")
        BigDecimal productPriceAmount = BigDecimal.ZERO;

        @Column(name = "PRODUCT_PRICE_TYPE", length = 20)
        @Enumerated(EnumType.STRING)
        ProductPriceType productPriceType = ProductPriceType.ONE_TIME;

        @Column(name = "DEFAULT_PRICE")
        boolean defaultPrice;

        @Column(name = "PRODUCT_PRICE_SPECIAL_ST_DATE")
        LocalDate productPriceSpecialStartDate;

        @Column(name = "PRODUCT_PRICE_SPECIAL_END_DATE")
        LocalDate productPriceSpecialEndDate;

        @Column(name = "PRODUCT_PRICE_SPECIAL_AMOUNT")
        BigDecimal productPriceSpecialAmount;

        @ManyToOne
        @JoinColumn(name = "PRODUCT_AVAIL_ID", nullable = false)
        ProductAvailability productAvailability;

    }

    @Entity(name = "Order")
    @Table(name = "ORDERS")
    public static class Order {

        @Id
        @Column(name = "ORDER_ID", unique = true, nullable = false)
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "ORDER_ID_SEQ_NEXT_VAL")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Column(name = "ORDER_STATUS")
        @Enumerated(EnumType.STRING)
        OrderStatus status;

        @Column(name = "LAST_MODIFIED")
        LocalDateTime lastModified;

        @Column(name = "CUSTOMER_ID")
        Long customerId;

        @Column(name = "DATE_PURCHASED")
        LocalDate datePurchased;

        @Column(name = "ORDER_DATE_FINISHED")
        LocalDateTime orderDateFinished;

        @Column(name = "CURRENCY_VALUE")
        BigDecimal currencyValue = BigDecimal.ONE;

        @Column(name = "ORDER_TOTAL")
        BigDecimal total;

        @Column(name = "IP_ADDRESS")
        String ipAddress;

        @Column(name = "CHANNEL")
        @Enumerated(EnumType.STRING)
        OrderChannel channel;

        @Column(name = "ORDER_TYPE")
        @Enumerated(EnumType.STRING)
        OrderType orderType = OrderType.ORDER;

        @Column(name = "PAYMENT_TYPE")
        @Enumerated(EnumType.STRING)
        PaymentType paymentType;

        @Column(name = "PAYMENT_MODULE_CODE")
        String paymentModuleCode;

        @Column(name = "SHIPPING_MODULE_CODE")
        String shippingModuleCode;

        @Column(name = "CUSTOMER_AGREED")
        Boolean customerAgreement = false;

        @Column(name = "CONFIRMED_ADDRESS")
        Boolean confirmedAddress = false;

        @Embedded
        Delivery delivery;

        @Embedded
        Billing billing;

        @ManyToOne
        @JoinColumn(name = "CURRENCY_ID")
        Currency currency;

        @Column(name = "LOCALE")
        Locale locale;

        @ManyToOne
        @JoinColumn(name = "MERCHANTID")
        MerchantStore merchant;

        @Column(name = "CUSTOMER_EMAIL_ADDRESS", length = 50, nullable = false)
        String customerEmailAddress;

    }

    @Entity(name = "OrderProduct")
    @Table(name = "ORDER_PRODUCT")
    public static class OrderProduct {

        @Id
        @Column(name = "ORDER_PRODUCT_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "ORDER_PRODUCT_ID_NEXT_VALUE")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @Column(name = "PRODUCT_SKU")
        String sku;

        @Column(name = "PRODUCT_NAME", length = 64, nullable = false)
        String productName;

        @Column(name = "PRODUCT_QUANTITY")
        int productQuantity;

        @Column(name = "ONETIME_CHARGE", nullable = false)
        BigDecimal oneTimeCharge;

        @ManyToOne
        @JoinColumn(name = "ORDER_ID", nullable = false)
        Order order;

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

        @Column(name = "TITLE", nullable = true)
        String title;

        @Column(name = "TEXT", columnDefinition = "text")
        String text;

        @Column(name = "VALUE", precision = 15, scale = 4, nullable = false)
        BigDecimal value;

        @Column(name = "MODULE", length = 60, nullable = true)
        String module;

        @Column(name = "ORDER_VALUE_TYPE")
        @Enumerated(EnumType.STRING)
        OrderValueType orderValueType = OrderValueType.ONE_TIME;

        @Column(name = "ORDER_TOTAL_TYPE")
        @Enumerated(EnumType.STRING)
        OrderTotalType orderTotalType;

        @Column(name = "SORT_ORDER", nullable = false)
        int sortOrder;

        @ManyToOne
        @JoinColumn(name = "ORDER_ID", nullable = false)
        Order order;

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
        Order order;

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

    @Entity(name = "Payment")
    @Table(name = "PAYMENT")
    @Inheritance(strategy = InheritanceType.JOINED)
    public abstract static class Payment {

        @Id
        @Column(name = "PAYMENT_ID")
        @TableGenerator(name = "TABLE_GEN", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME",
                valueColumnName = "SEQ_COUNT", pkColumnValue = "PAYMENT_ID_NEXT_VALUE")
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "TABLE_GEN")
        Long id;

        @ManyToOne
        @JoinColumn(name = "ORDER_ID", nullable = false)
        Order order;

        @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
        BigDecimal amount;

        @Enumerated(EnumType.STRING)
        @Column(name = "PAYMENT_TYPE", nullable = false)
        PaymentType paymentType;

        @Enumerated(EnumType.STRING)
        @Column(name = "TRANSACTION_TYPE")
        TransactionType transactionType;

        @Column(name = "MODULE_NAME", length = 60)
        String moduleName;

    }

    @Entity(name = "CreditCardPayment")
    @Table(name = "CREDIT_CARD_PAYMENT")
    public static class CreditCardPayment extends Payment {

        @Column(name = "CARD_OWNER")
        String cardOwner;

        @Enumerated(EnumType.STRING)
        @Column(name = "CREDIT_CARD_TYPE", length = 20)
        CreditCardType creditCard;

        @Column(name = "CREDIT_CARD_NUMBER", length = 20)
        String creditCardNumber;

        @Column(name = "EXPIRATION_MONTH", length = 2)
        String expirationMonth;

        @Column(name = "EXPIRATION_YEAR", length = 4)
        String expirationYear;

    }

    @Entity(name = "PaypalPayment")
    @Table(name = "PAYPAL_PAYMENT")
    public static class PaypalPayment extends Payment {

        @Column(name = "PAYER_ID")
        String payerId;

        @Column(name = "PAYMENT_TOKEN")
        String paymentToken;

    }

}
