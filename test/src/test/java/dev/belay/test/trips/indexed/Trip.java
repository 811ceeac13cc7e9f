package dev.belay.test.trips.indexed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A trip with notes and its titles indexed, as the third revision builds it. */
@Entity
@Table(indexes = @Index(name = "trip_title_idx", columnList = "title"))
public class Trip {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String title;

    String notes;

}
