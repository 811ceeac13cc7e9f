package dev.belay.autoconfigure.slice;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class Track {

    @Id
    private Long id;

    private String title;

    protected Track() {
    }

    Track(Long id, String title) {
        this.id = id;
        this.title = title;
    }

    String title() {
        return this.title;
    }

}
