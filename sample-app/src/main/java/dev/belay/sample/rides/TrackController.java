package dev.belay.sample.rides;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The GPX track of a ride, kept in {@link GpxStorage} rather than the database:
 * {@code PUT /rides/{id}/track} with the GPX file as the body, {@code GET} and {@code DELETE}.
 * With tenants, the ride and its track are those of the request's tenant.
 */
@RestController
class TrackController {

    static final MediaType GPX = MediaType.parseMediaType("application/gpx+xml");

    private final RideRepository rides;

    private final GpxStorage tracks;

    TrackController(RideRepository rides, GpxStorage tracks) {
        this.rides = rides;
        this.tracks = tracks;
    }

    @PutMapping("/rides/{id}/track")
    ResponseEntity<Void> upload(@PathVariable long id, @RequestBody byte[] gpx) {
        requireRide(id);
        if (gpx.length == 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The track is empty: send the GPX file as the request body.");
        }
        this.tracks.forCurrentTenant().write(id, gpx);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/rides/{id}/track")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        requireRide(id);
        byte[] gpx = this.tracks.forCurrentTenant().read(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Ride " + id + " has no track."));
        return ResponseEntity.ok().contentType(GPX).body(gpx);
    }

    @DeleteMapping("/rides/{id}/track")
    ResponseEntity<Void> delete(@PathVariable long id) {
        requireRide(id);
        if (!this.tracks.forCurrentTenant().delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Ride " + id + " has no track.");
        }
        return ResponseEntity.noContent().build();
    }

    private void requireRide(long id) {
        if (!this.rides.existsById(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no ride " + id + ".");
        }
    }

}
