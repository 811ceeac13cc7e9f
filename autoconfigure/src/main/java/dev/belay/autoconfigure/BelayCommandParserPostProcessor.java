package dev.belay.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Wraps the application's {@link CommandParser} (Spring Shell's own, or one of the application's)
 * in a {@link BelayCommandParser}, so that every shell runner, interactive or not, reads the
 * options of a {@code belay} line against the command's declared options. Wrapping the bean,
 * rather than defining a parser of Belay's own, keeps whatever parser the application has for
 * every other line.
 */
final class BelayCommandParserPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private @Nullable BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof CommandParser parser && !(bean instanceof BelayCommandParser)
                && this.beanFactory != null) {
            BeanFactory factory = this.beanFactory;
            return new BelayCommandParser(parser, () -> factory.getBean(CommandRegistry.class));
        }
        return bean;
    }

}
