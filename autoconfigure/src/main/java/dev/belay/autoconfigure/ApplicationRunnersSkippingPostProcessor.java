package dev.belay.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * In an application started to run a {@code belay} command, makes the application's
 * {@link CommandLineRunner} and {@link ApplicationRunner} beans do nothing when Spring Boot runs
 * them, so that only the command runs ({@link BelayCommandRunner}). A runner is the
 * application's start-up work: it seeds data, calls other services, starts jobs, and expects the
 * database the application migrates at startup. A command run does not migrate, and may leave the
 * database empty ({@code belay rollback}), so a seeder that counts rows would fail the command
 * before it ran, or after it succeeded, and make its exit status 1.
 * <p>
 * <b>Why a proxy.</b> Spring Boot calls every {@code Runner} bean of the context, and a runner
 * can only be kept from running by changing the object it calls: ending the run early (a runner
 * of Belay's first, then an exception) would end even a successful command with a failed
 * {@code SpringApplication.run} and a non-zero exit status, and leaving runners out of the
 * context would break the beans that inject them. So each runner is wrapped the way Spring AOP
 * wraps a {@code @Transactional} bean: a subclass proxy of the runner's own class (still
 * injectable by that class, every other method going to the runner itself), whose {@code run}
 * does nothing; a runner that is already an AOP proxy gets the advice added instead, and stays
 * the same object. A runner whose class cannot be subclassed (a final class, a record, a lambda)
 * gets a proxy of its interfaces, so it is injectable by those. In a plain start or an interactive
 * shell session ({@link BelayCommandLine#runsBelayCommandAndEnds}) it leaves every bean as it is:
 * there the runners run as usual. It decides from the environment of the start, not from a
 * condition, so that a context generated ahead of time (Spring AOT) decides it at each start too.
 */
final class ApplicationRunnersSkippingPostProcessor implements SmartInstantiationAwareBeanPostProcessor,
        BeanClassLoaderAware, EnvironmentAware {

    private static final Log logger = LogFactory.getLog(ApplicationRunnersSkippingPostProcessor.class);

    private final Map<String, Boolean> earlyReferences = new ConcurrentHashMap<>();

    private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    private boolean commandRun;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.commandRun = environment instanceof ConfigurableEnvironment configurable
                && BelayCommandLine.runsBelayCommandAndEnds(configurable);
    }

    @Override
    public Object getEarlyBeanReference(Object bean, String beanName) {
        if (!this.commandRun) {
            return bean;
        }
        this.earlyReferences.put(beanName, Boolean.TRUE);
        return skipped(bean, beanName);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (this.earlyReferences.remove(beanName) != null) {
            return bean; // its early reference, already skipped, is the bean
        }
        return skipped(bean, beanName);
    }

    private Object skipped(Object bean, String beanName) {
        if (!this.commandRun || !isApplicationRunner(bean)) {
            return bean;
        }
        SkippedRun skip = new SkippedRun(beanName, AopUtils.getTargetClass(bean).getName());
        if (bean instanceof Advised advised && !advised.isFrozen()) {
            advised.addAdvice(0, skip);
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(canSubclass(bean.getClass()));
        proxy.addAdvice(skip);
        return proxy.getProxy(this.classLoader);
    }

    private static boolean isApplicationRunner(Object bean) {
        return (bean instanceof CommandLineRunner || bean instanceof ApplicationRunner)
                && !(bean instanceof BelayCommandRunner);
    }

    private static boolean canSubclass(Class<?> type) {
        if (Modifier.isFinal(type.getModifiers()) || ClassUtils.isLambdaClass(type) || Proxy.isProxyClass(type)) {
            return false;
        }
        for (Method method : type.getMethods()) {
            if (isRun(method) && Modifier.isFinal(method.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRun(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return method.getName().equals("run") && parameters.length == 1
                && (parameters[0] == String[].class || parameters[0] == ApplicationArguments.class);
    }

    /** The advice that makes a runner's {@code run} do nothing. */
    private record SkippedRun(String beanName, String type) implements MethodInterceptor {

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            if (isRun(invocation.getMethod())) {
                if (logger.isDebugEnabled()) {
                    logger.debug("Not running '" + this.beanName + "' (" + this.type
                            + "): belay commands do not run the application's runners");
                }
                return null;
            }
            return invocation.proceed();
        }

    }

}
