package dev.belay.sample.rides;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RideRepository extends JpaRepository<Ride, Long> {

    @EntityGraph(attributePaths = { "rider", "tags" })
    List<Ride> findAllByOrderByStartedAtDesc();

}
