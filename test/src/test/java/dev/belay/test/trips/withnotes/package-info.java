/** The trip log's mapping once trips have notes. */
@NullMarked
package dev.belay.test.trips.withnotes;

import org.jspecify.annotations.NullMarked;
