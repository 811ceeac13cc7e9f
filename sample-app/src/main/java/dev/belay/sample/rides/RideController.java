package dev.belay.sample.rides;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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

/** The ride log's JSON API: riders and their rides. */
@RestController
class RideController {

    private final RiderRepository riders;

    private final RideRepository rides;

    private final TagRepository tags;

    RideController(RiderRepository riders, RideRepository rides, TagRepository tags) {
        this.riders = riders;
        this.rides = rides;
        this.tags = tags;
    }

    @GetMapping("/riders")
    List<RiderView> riders() {
        return this.riders.findAll().stream().map(RiderView::of).toList();
    }

    @PostMapping("/riders")
    ResponseEntity<RiderView> addRider(@RequestBody NewRider request) {
        Rider rider = this.riders.save(new Rider(request.name(), Instant.now()));
        return ResponseEntity.created(URI.create("/riders/" + rider.getId())).body(RiderView.of(rider));
    }

    @GetMapping("/rides")
    @Transactional(readOnly = true)
    List<RideView> rides() {
        return this.rides.findAllByOrderByStartedAtDesc().stream().map(RideView::of).toList();
    }

    @PostMapping("/rides")
    @Transactional
    ResponseEntity<RideView> addRide(@RequestBody NewRide request) {
        Rider rider = this.riders.findById(request.riderId())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No rider " + request.riderId()));
        Ride ride = new Ride(rider, request.title(), request.type(), request.startedAt(), request.distanceKm());
        ride.setElevationGain(request.elevationGain());
        for (String name : (request.tags() != null) ? request.tags() : Set.<String>of()) {
            ride.getTags().add(this.tags.findByName(name).orElseGet(() -> this.tags.save(new Tag(name))));
        }
        Ride saved = this.rides.save(ride);
        return ResponseEntity.created(URI.create("/rides/" + saved.getId())).body(RideView.of(saved));
    }

    @GetMapping("/rides/{id}")
    @Transactional(readOnly = true)
    RideView ride(@PathVariable long id) {
        return this.rides.findById(id)
            .map(RideView::of)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No ride " + id));
    }

    record NewRider(String name) {
    }

    record NewRide(long riderId, String title, RideType type, Instant startedAt, BigDecimal distanceKm,
            @Nullable Integer elevationGain, @Nullable Set<String> tags) {
    }

    record RiderView(long id, String name, Instant joinedAt) {

        static RiderView of(Rider rider) {
            return new RiderView(rider.getId(), rider.getName(), rider.getJoinedAt());
        }

    }

    record RideView(long id, long riderId, String rider, String title, RideType type, Instant startedAt,
            BigDecimal distanceKm, @Nullable Integer elevationGain, List<String> tags) {

        static RideView of(Ride ride) {
            return new RideView(ride.getId(), ride.getRider().getId(), ride.getRider().getName(), ride.getTitle(),
                    ride.getType(), ride.getStartedAt(), ride.getDistanceKm(), ride.getElevationGain(),
                    ride.getTags().stream().map(Tag::getName).sorted().toList());
        }

    }

}
