package dev.belay.workbench;

import java.nio.file.Path;
import java.util.List;

import dev.belay.runner.MigrationResult;
import dev.belay.schema.UnmanagedObject;

import org.jspecify.annotations.Nullable;

/**
 * What {@code belay baseline} did.
 *
 * @param written the baseline revision's source file
 * @param schemaFile the schema the baseline was written from, kept beside it as a resource
 * @param recorded the baseline recorded as applied to the database it was written from
 * @param changes how many changes the baseline's {@code up} makes
 * @param notCarriedOver what the database has that the baseline does not build (views,
 * functions, triggers, ...: Belay does not manage them)
 * @param otherTool the other tool's history the baseline stands for, as a phrase, or {@code null}
 */
public record BaselineResult(WrittenRevision written, Path schemaFile, MigrationResult recorded, int changes,
        List<UnmanagedObject> notCarriedOver, @Nullable String otherTool) {

    public BaselineResult {
        notCarriedOver = List.copyOf(notCarriedOver);
    }

}
