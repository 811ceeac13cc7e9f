package dev.belay.sample.rides;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One ride: who, what kind, when, how far. Its GPX track, if any, is a file in {@link GpxStorage}
 * (it was a {@code bytea} column until revision {@code 20261121_195517_gpx_tracks_to_files}).
 */
@Entity
@Table(name = "ride", indexes = @Index(name = "ride_started_at_idx", columnList = "startedAt"))
public class Ride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "rider_id", nullable = false)
    private Rider rider;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false)
    private RideType type;

    @Column(nullable = false)
    private Instant startedAt;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal distanceKm;

    /** Metres climbed, when the rider knows. */
    private @Nullable Integer elevationGain;

    @ManyToMany
    @JoinTable(name = "ride_tag", joinColumns = @JoinColumn(name = "ride_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new LinkedHashSet<>();

    protected Ride() {
    }

    public Ride(Rider rider, String title, RideType type, Instant startedAt, BigDecimal distanceKm) {
        this.rider = rider;
        this.title = title;
        this.type = type;
        this.startedAt = startedAt;
        this.distanceKm = distanceKm;
    }

    public Long getId() {
        return this.id;
    }

    public Rider getRider() {
        return this.rider;
    }

    public String getTitle() {
        return this.title;
    }

    public RideType getType() {
        return this.type;
    }

    public Instant getStartedAt() {
        return this.startedAt;
    }

    public BigDecimal getDistanceKm() {
        return this.distanceKm;
    }

    public @Nullable Integer getElevationGain() {
        return this.elevationGain;
    }

    public void setElevationGain(@Nullable Integer elevationGain) {
        this.elevationGain = elevationGain;
    }

    public Set<Tag> getTags() {
        return this.tags;
    }

}
