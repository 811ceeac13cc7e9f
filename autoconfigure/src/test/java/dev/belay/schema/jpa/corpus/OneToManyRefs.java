package dev.belay.schema.jpa.corpus;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/**
 * {@code @OneToMany}: mapped by the child's {@code @ManyToOne}, unidirectional through a join
 * column on the child, and unidirectional through a join table.
 */
public final class OneToManyRefs {

    private OneToManyRefs() {
    }

    @Entity(name = "OneToManyPlaylist")
    public static class Playlist {

        @Id
        Long id;

        @OneToMany(mappedBy = "playlist")
        List<Track> tracks = new ArrayList<>();

        @OneToMany
        @JoinColumn(name = "featured_in")
        List<Track> featured = new ArrayList<>();

        @OneToMany
        List<Track> archived = new ArrayList<>();

    }

    @Entity(name = "OneToManyTrack")
    public static class Track {

        @Id
        Long id;

        @ManyToOne
        Playlist playlist;

    }

}
