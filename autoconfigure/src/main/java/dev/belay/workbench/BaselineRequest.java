package dev.belay.workbench;

import org.jspecify.annotations.Nullable;

/**
 * What {@code belay baseline} is asked for.
 *
 * @param message what the baseline says it is, or {@code null} for {@code baseline} (with the
 * tool it stands for, when there is one)
 * @param from the tool whose history the baseline stands for, read from that tool's history table
 * into the baseline's message, or {@code null}
 */
public record BaselineRequest(@Nullable String message, @Nullable OtherTool from) {

    public static BaselineRequest defaults() {
        return new BaselineRequest(null, null);
    }

}
