package dev.belay.autoconfigure.slice;

import dev.belay.test.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A database of its own for each slice test class, named to the context through properties. */
final class SliceDatabase {

    private SliceDatabase() {
    }

    static void register(TestDatabase database, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

}
