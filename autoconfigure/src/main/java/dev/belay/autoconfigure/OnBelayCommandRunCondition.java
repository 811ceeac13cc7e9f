package dev.belay.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application was started to run a {@code belay} command and end
 * ({@link BelayCommandLine#runsBelayCommandAndEnds}): {@code java -jar app.jar belay status}, not
 * a plain start and not an interactive Spring Shell session.
 */
final class OnBelayCommandRunCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (context.getEnvironment() instanceof ConfigurableEnvironment environment
                && BelayCommandLine.runsBelayCommandAndEnds(environment)) {
            return ConditionOutcome.match("the application was started to run a belay command");
        }
        return ConditionOutcome.noMatch("the application was not started to run a belay command and end");
    }

}
