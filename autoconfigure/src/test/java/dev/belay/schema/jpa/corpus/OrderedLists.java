package dev.belay.schema.jpa.corpus;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;

/** Lists in a join table: a bag (no key) and an indexed list (keyed by owner and position). */
public final class OrderedLists {

    private OrderedLists() {
    }

    @Entity(name = "OrderedAlbum")
    public static class Album {

        @Id
        Long id;

        @ManyToMany
        List<Song> bonusSongs = new ArrayList<>();

        @ManyToMany
        @OrderColumn(name = "position")
        List<Song> songs = new ArrayList<>();

    }

    @Entity(name = "OrderedSong")
    public static class Song {

        @Id
        Long id;

    }

}
