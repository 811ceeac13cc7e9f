package dev.belay.sample;

import dev.belay.test.BelayRevisionTests;

/**
 * The ride log's revisions, checked by Belay's test kit: one head, every revision applies to an
 * empty schema, the mapping is what they build, nothing drifts, and each revision's down undoes
 * its up (the stairway, a test per revision). The GPX move's data work has tests of its own
 * ({@code GpxTracksToFilesTests}).
 */
@BelayRevisionTests
class RideLogRevisionTests extends RideLogTestContext {

}
