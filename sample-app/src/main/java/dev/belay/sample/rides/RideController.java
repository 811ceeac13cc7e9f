package dev.belay.sample.rides;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ride log's JSON API: riders and their rides ({@code GET}/{@code POST /riders},
 * {@code GET}/{@code POST /rides}, {@code GET /rides/{id}}). Tracks are in
 * {@link TrackController}.
 */
@RestController
class RideController {

    private final RiderRepository riders;

    private final RideRepository rides;

    private final TagRepository tags;

    private final GpxStorage tracks;

    RideController(RiderRepository riders, RideRepository rides, TagRepository tags, GpxStorage tracks) {
        this.riders = riders;
        this.rides = rides;
        this.tags = tags;
        this.tracks = tracks;
    }

    @GetMapping("/riders")
    List<RiderView> riders() {
        return this.riders.findAll().stream().map(RiderView::of).toList();
    }

    @PostMapping("/riders")
    ResponseEntity<RiderView> addRider(@Valid @RequestBody NewRider request) {
        Rider rider = this.riders.save(new Rider(request.name(), Instant.now()));
        return ResponseEntity.created(URI.create("/riders/" + rider.getId())).body(RiderView.of(rider));
    }

    @GetMapping("/rides")
    @Transactional(readOnly = true)
    List<RideView> rides() {
        return this.rides.findAllByOrderByStartedAtDesc().stream().map(this::view).toList();
    }

    @PostMapping("/rides")
    @Transactional
    ResponseEntity<RideView> addRide(@Valid @RequestBody NewRide request) {
        Rider rider = this.riders.findById(request.riderId())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "There is no rider "
                    + request.riderId() + ": add one with POST /riders first."));
        Ride ride = new Ride(rider, request.title(), request.type(), request.startedAt(), request.distanceKm());
        ride.setElevationGain(request.elevationGain());
        for (String name : (request.tags() != null) ? request.tags() : Set.<String>of()) {
            ride.getTags().add(this.tags.findByName(name).orElseGet(() -> this.tags.save(new Tag(name))));
        }
        Ride saved = this.rides.save(ride);
        return ResponseEntity.created(URI.create("/rides/" + saved.getId())).body(view(saved));
    }

    @GetMapping("/rides/{id}")
    @Transactional(readOnly = true)
    RideView ride(@PathVariable long id) {
        return this.rides.findById(id)
            .map(this::view)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no ride " + id + "."));
    }

    private RideView view(Ride ride) {
        return RideView.of(ride, this.tracks.forCurrentTenant().contains(ride.getId()));
    }

    record NewRider(@NotBlank @Size(max = 100) String name) {
    }

    record NewRide(long riderId, @NotBlank @Size(max = 200) String title, @NotNull RideType type,
            @NotNull Instant startedAt,
            @NotNull @PositiveOrZero @Digits(integer = 6, fraction = 2) BigDecimal distanceKm,
            @Nullable @PositiveOrZero Integer elevationGain, @Nullable Set<@NotBlank @Size(max = 50) String> tags) {
    }

    record RiderView(long id, String name, Instant joinedAt) {

        static RiderView of(Rider rider) {
            return new RiderView(rider.getId(), rider.getName(), rider.getJoinedAt());
        }

    }

    /** A ride as the API shows it; {@code track} says whether {@code GET /rides/{id}/track} has one. */
    record RideView(long id, long riderId, String rider, String title, RideType type, Instant startedAt,
            BigDecimal distanceKm, @Nullable Integer elevationGain, List<String> tags, boolean track) {

        static RideView of(Ride ride, boolean track) {
            return new RideView(ride.getId(), ride.getRider().getId(), ride.getRider().getName(), ride.getTitle(),
                    ride.getType(), ride.getStartedAt(), ride.getDistanceKm(), ride.getElevationGain(),
                    ride.getTags().stream().map(Tag::getName).sorted().toList(), track);
        }

    }

}
