/** The trip log's first mapping. */
@NullMarked
package dev.belay.test.trips.plain;

import org.jspecify.annotations.NullMarked;
