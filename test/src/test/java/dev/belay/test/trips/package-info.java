/**
 * Test applications for the test kit: a trip log whose revision chains are right, or wrong in the
 * ways the kit must catch. The classes named {@code ...Chain} are the test classes a user would
 * write; they are not run on their own (Surefire runs {@code *Tests} only) but through the engine
 * by {@code RevisionTestsEngineTests}, which reads what each reported.
 */
@NullMarked
package dev.belay.test.trips;

import org.jspecify.annotations.NullMarked;
