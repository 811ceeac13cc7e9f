package dev.belay.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;

/**
 * Whether the application was started to run a {@code belay} command
 * ({@code java -jar app.jar belay status}). Such a start neither migrates nor compares the schema
 * with the mapping on its own: the command is there to look at the database as it is, and to
 * apply or roll back revisions when asked.
 */
final class BelayCommandLine {

    private BelayCommandLine() {
    }

    static boolean runsBelayCommand(ObjectProvider<ApplicationArguments> arguments) {
        ApplicationArguments given = arguments.getIfAvailable();
        if (given == null) {
            return false;
        }
        List<String> words = given.getNonOptionArgs();
        return !words.isEmpty() && words.get(0).equals("belay");
    }

}
