package dev.belay.actions;

import java.util.ArrayList;
import java.util.List;

import dev.belay.schema.Identifiers;
import dev.belay.schema.SequenceOptions;

/**
 * A change of a sequence's parameters that holds whatever value the sequence stands at.
 * PostgreSQL refuses new limits that leave the current value outside ({@code RESTART value (1)
 * cannot be less than MINVALUE (100)}), and a revision runs on many databases whose sequences
 * stand at different values, so the statement is a {@code DO} block that reads the value and
 * decides there, in the same transaction as the change:
 * <ul>
 * <li>inside the new limits: the plain {@code ALTER}, the next value stays;</li>
 * <li>before the limit the sequence starts from (below {@code MINVALUE} for an ascending
 * sequence, above {@code MAXVALUE} for a descending one): the {@code ALTER} with
 * {@code RESTART WITH} that limit, which is then the next value;</li>
 * <li>past the limit it runs towards: the {@code ALTER} with {@code RESTART WITH} that limit and
 * {@code setval} marking it used, as a sequence that ran out stands: the next value is the
 * other limit with {@code CYCLE}, an error without. No value the sequence already gave out is
 * given again.</li>
 * </ul>
 * Either move is told with a {@code NOTICE} naming the old and the next value, which the
 * runner logs. A limit that is {@code bigint}'s own end needs no branch; limits that both are
 * need no block, just the {@code ALTER}.
 */
final class SequenceBounds {

    private SequenceBounds() {
    }

    /**
     * @param label what the notice calls the sequence, e.g. {@code sequence ticket_seq}
     * @param read PL/pgSQL that puts the sequence's {@code last_value} into {@code stood}
     * @param target an SQL expression naming the sequence for {@code setval}
     * @param alter the statement that changes the parameters, to which a {@code RESTART WITH}
     * clause can be appended
     * @param options the new parameters
     */
    static String alter(String label, String read, String target, String alter, SequenceOptions options) {
        boolean ascending = options.increment() > 0;
        long from = ascending ? options.minValue() : options.maxValue();
        long towards = ascending ? options.maxValue() : options.minValue();
        long afterEnd = ascending ? options.minValue() : options.maxValue();
        String fromLimit = (ascending ? "MINVALUE " : "MAXVALUE ") + from;
        String towardsLimit = (ascending ? "MAXVALUE " : "MINVALUE ") + towards;
        String before = ascending ? "stood < " + from : "stood > " + from;
        String past = ascending ? "stood > " + towards : "stood < " + towards;
        String next = options.cycle() ? "the next value is " + afterEnd + " (CYCLE)"
                : "it is used up, the next value fails (NO CYCLE)";
        // A bigint cannot lie beyond bigint's own ends: no branch for a limit that is one.
        boolean beforePossible = from != (ascending ? Long.MIN_VALUE : Long.MAX_VALUE);
        boolean pastPossible = towards != (ascending ? Long.MAX_VALUE : Long.MIN_VALUE);
        if (!beforePossible && !pastPossible) {
            return alter;
        }
        List<String> branches = new ArrayList<>();
        if (beforePossible) {
            branches.add(before + " THEN " + alter + " RESTART WITH " + from + "; RAISE NOTICE '% stood at %, outside "
                    + fromLimit + "; it restarts at " + from + ": the next value is " + from + "', "
                    + Identifiers.literal(label) + ", stood;");
        }
        if (pastPossible) {
            branches.add(past + " THEN " + alter + " RESTART WITH " + towards + "; PERFORM setval(" + target + ", "
                    + towards + "); RAISE NOTICE '% stood at %, outside " + towardsLimit + "; it is set to " + towards
                    + " as given out: " + next + "', " + Identifiers.literal(label) + ", stood;");
        }
        String body = "DECLARE stood bigint; BEGIN " + read + "; IF " + String.join(" ELSIF ", branches) + " ELSE "
                + alter + "; END IF; END";
        return Ddl.doBlock(body);
    }

}
