package dev.belay.test;

import java.util.function.Consumer;

import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;

/** A revision made of lambdas, for tests that need revision graphs without a class per revision. */
public final class LambdaRevision implements Revision {

    private final Consumer<Migrator> up;

    private final Consumer<Migrator> down;

    public LambdaRevision(Consumer<Migrator> up, Consumer<Migrator> down) {
        this.up = up;
        this.down = down;
    }

    /** A revision of these lambdas, described by {@code info}. */
    public static Revisions.Entry entry(RevisionInfo info, Consumer<Migrator> up, Consumer<Migrator> down) {
        LambdaRevision revision = new LambdaRevision(up, down);
        return new Revisions.Entry(info, () -> revision);
    }

    /** A revision whose {@code down} does nothing. */
    public static Revisions.Entry entry(RevisionInfo info, Consumer<Migrator> up) {
        return entry(info, up, (migrator) -> {
        });
    }

    @Override
    public void up(Migrator migrator) {
        this.up.accept(migrator);
    }

    @Override
    public void down(Migrator migrator) {
        this.down.accept(migrator);
    }

}
