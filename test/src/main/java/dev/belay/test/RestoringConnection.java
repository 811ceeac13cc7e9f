package dev.belay.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A connection that runs a piece of work before it is closed: puts back a setting that was changed
 * for the time it was borrowed from a pool. A connection still in a transaction is rolled back
 * first, so that the work can run and stick.
 */
final class RestoringConnection implements InvocationHandler {

    private final Connection target;

    private final Restore restore;

    private RestoringConnection(Connection target, Restore restore) {
        this.target = target;
        this.restore = restore;
    }

    static Connection wrap(Connection target, Restore restore) {
        return (Connection) Proxy.newProxyInstance(RestoringConnection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, new RestoringConnection(target, restore));
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
        if (name.equals("close") && method.getParameterCount() == 0) {
            try {
                if (!this.target.isClosed()) {
                    if (!this.target.getAutoCommit()) {
                        // Work not committed by now is abandoned, as a pool would; the setting is put
                        // back outside any transaction, so that no later rollback undoes it.
                        this.target.rollback();
                        this.target.setAutoCommit(true);
                    }
                    this.restore.run();
                }
            }
            finally {
                this.target.close();
            }
            return null;
        }
        if (name.equals("unwrap") && args != null && args[0] == Connection.class) {
            return proxy;
        }
        try {
            return method.invoke(this.target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
    }

    /** What to run before the connection is closed. */
    @FunctionalInterface
    interface Restore {

        void run() throws SQLException;

    }

}
