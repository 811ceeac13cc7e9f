/** The trip log's mapping once titles are indexed. */
@NullMarked
package dev.belay.test.trips.indexed;

import org.jspecify.annotations.NullMarked;
