/**
 * Riders, rides and tags: the JPA entities whose mapping is the schema Belay keeps, and the JSON API.
 */
@NullMarked
package dev.belay.sample.rides;

import org.jspecify.annotations.NullMarked;
