package dev.belay.actions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps the statements it is given, in order, instead of running them. */
public final class RecordingStatementSink implements StatementSink {

    private final List<SqlStatement> statements = new ArrayList<>();

    @Override
    public void execute(SqlStatement statement) {
        this.statements.add(statement);
    }

    /** The statements recorded so far, oldest first. */
    public List<SqlStatement> statements() {
        return Collections.unmodifiableList(new ArrayList<>(this.statements));
    }

    public void clear() {
        this.statements.clear();
    }

}
