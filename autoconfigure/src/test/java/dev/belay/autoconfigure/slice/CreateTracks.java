package dev.belay.autoconfigure.slice;

import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;

@MigrationRevision(id = "20260101_tracks", message = "create tracks")
class CreateTracks implements Revision {

    @Override
    public void up(Migrator migrator) {
        migrator.actions().execute("CREATE TABLE track (id bigint PRIMARY KEY, title varchar(255))");
        migrator.jdbc().update("INSERT INTO track VALUES (1, 'the first track')");
    }

    @Override
    public void down(Migrator migrator) {
        migrator.actions().execute("DROP TABLE track");
    }

}
