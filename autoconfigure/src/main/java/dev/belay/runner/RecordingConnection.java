package dev.belay.runner;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A connection that tells a recorder the SQL of every statement sent through it, so that what a
 * revision does through {@code Migrator.jdbc()} shows up in its run (and in a dry run) next to
 * the statements of {@code actions()}. A prepared statement is recorded once, when prepared.
 */
final class RecordingConnection implements InvocationHandler {

    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall");

    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private final Object target;

    private final Consumer<String> recorder;

    private RecordingConnection(Object target, Consumer<String> recorder) {
        this.target = target;
        this.recorder = recorder;
    }

    static Connection wrap(Connection connection, Consumer<String> recorder) {
        return (Connection) Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, new RecordingConnection(connection, recorder));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0];
        }
        if (name.equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
        }
        boolean sqlFirst = args != null && args.length > 0 && args[0] instanceof String;
        if (sqlFirst && (PREPARING.contains(name) || (this.target instanceof Statement && EXECUTING.contains(name)))) {
            this.recorder.accept((String) args[0]);
        }
        Object result;
        try {
            result = method.invoke(this.target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
        if (this.target instanceof Connection && name.equals("createStatement") && result instanceof Statement) {
            return Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(),
                    new Class<?>[] { Statement.class }, new RecordingConnection(result, this.recorder));
        }
        return result;
    }

}
