/**
 * The workflow behind {@code belay generate}, {@code diff}, {@code check}, {@code merge}, the
 * actuator endpoint and the drift check at startup: read the managed schema and the schema the
 * mapping wants, plan between them, and write the plan as a revision. Plain classes; the Spring
 * Shell commands and the endpoint are thin layers over {@link dev.belay.workbench.SchemaWorkbench}.
 */
@NullMarked
package dev.belay.workbench;

import org.jspecify.annotations.NullMarked;
