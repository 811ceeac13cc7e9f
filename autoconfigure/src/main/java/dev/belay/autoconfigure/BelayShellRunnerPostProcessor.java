package dev.belay.autoconfigure;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.shell.core.NonInteractiveShellRunner;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Puts {@link BelayNonInteractiveShellRunner} in place of Spring Shell's
 * {@link NonInteractiveShellRunner}, which only logs a failed command and lets the process end
 * with status 0, so that {@code java -jar app.jar belay check} can fail a build. Nothing else
 * about the shell changes: the same parser bean (see {@link BelayCommandParserPostProcessor}),
 * registry and commands.
 */
final class BelayShellRunnerPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private @Nullable BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof NonInteractiveShellRunner && this.beanFactory != null) {
            return new BelayNonInteractiveShellRunner(this.beanFactory.getBean(CommandParser.class),
                    this.beanFactory.getBean(CommandRegistry.class), new PrintWriter(System.out, true));
        }
        return bean;
    }

}
