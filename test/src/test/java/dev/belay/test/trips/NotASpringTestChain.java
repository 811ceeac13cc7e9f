package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

/** The annotation alone, on a class that Spring's test support does not boot: the class fails, saying what to add. */
@BelayRevisionTests
public class NotASpringTestChain {

}
