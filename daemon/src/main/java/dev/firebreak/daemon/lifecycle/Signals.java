package dev.firebreak.daemon.lifecycle;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's signals, through {@code sun.misc.Signal} (module jdk.unsupported): the JDK has no supported
 * API for them, and a shutdown hook is not enough. On SIGTERM the JVM runs every shutdown hook at once, in
 * no order — the embedded Redis library's own hook then kills Redis while Firebreak's last writes are on
 * their way. Handling TERM and INT ourselves lets the daemon stop in order first and exit after.
 * SIGHUP, which would otherwise end the JVM, asks for a configuration reload.
 *
 * <p>It is reached by reflection: javac warns on every direct use of {@code sun.misc} ("internal proprietary
 * API", a warning no annotation silences), and the build fails on any warning.
 */
public final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() { }

    /** {@code stop} on the first SIGTERM or SIGINT; a second one ends the process at once (status 143 / 130). */
    public static void onTerminate(Runnable stop) {
        Runnable once = new Runnable() {
            private boolean asked;

            @Override
            public synchronized void run() {
                if (asked) {
                    LOG.warn("second stop signal: exiting without waiting for the orderly stop");
                    Runtime.getRuntime().halt(143);
                }
                asked = true;
                stop.run();
            }
        };
        install("TERM", once);
        install("INT", once);
    }

    /** {@code reload} on each SIGHUP (on the JVM's signal thread: keep it short or hand it on). */
    public static void onHangup(Runnable reload) {
        install("HUP", reload);
    }

    private static void install(String name, Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onSignal = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handler},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            action.run();
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "firebreak SIG" + name + " handler";
                        };
                    });
            signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance(name), onSignal);
        } catch (InvocationTargetException e) {
            // The signal is ignored (e.g. HUP under nohup) or taken by the JVM (-Xrs): keep the default.
            LOG.warn("SIG{} is not handled by Firebreak here: {}", name, e.getCause().getMessage());
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("SIG{} is not handled by Firebreak on this JVM (no sun.misc.Signal): {}", name, e.toString());
        }
    }
}
