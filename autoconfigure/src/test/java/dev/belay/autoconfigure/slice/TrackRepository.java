package dev.belay.autoconfigure.slice;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrackRepository extends JpaRepository<Track, Long> {

}
