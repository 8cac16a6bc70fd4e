package dev.webui.importer.target;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * The target connection of a dry run that compares with the target: every write really runs (so
 * ON CONFLICT, constraints and look-ups answer exactly as in a real run) inside one transaction
 * that is never committed. {@code commit()} only marks a savepoint; {@code rollback()} returns to
 * the last one; {@code close()} rolls everything back.
 */
public final class DryRunConnection {
    private DryRunConnection() {
    }

    public static Connection wrap(Connection real) {
        Savepoint[] last = {null};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> {
                            last[0] = real.setSavepoint();
                            return null;
                        }
                        case "rollback" -> {
                            if (args == null || args.length == 0) {
                                if (last[0] != null) {
                                    real.rollback(last[0]);
                                } else {
                                    real.rollback();
                                }
                                return null;
                            }
                        }
                        case "close" -> {
                            real.rollback();
                            real.close();
                            return null;
                        }
                        default -> { }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
