package dev.skiff.ssh.userauth;

import dev.skiff.ssh.transport.Transport;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The {@link UserAuthClient} of each transport, so that repeated authenticate calls on one
 * connection continue one conversation. Weak on both sides: the transport holds its client as
 * message handler; this map keeps neither alive.
 */
final class AttachedClients {
    private static final Map<Transport, WeakReference<UserAuthClient>> CLIENTS = new WeakHashMap<>();

    private AttachedClients() {
    }

    static synchronized void put(Transport t, UserAuthClient c) {
        CLIENTS.put(t, new WeakReference<>(c));
    }

    static synchronized UserAuthClient get(Transport t, Supplier<UserAuthClient> create) {
        WeakReference<UserAuthClient> ref = CLIENTS.get(t);
        UserAuthClient c = ref == null ? null : ref.get();
        if (c == null) {
            c = create.get();
            CLIENTS.put(t, new WeakReference<>(c));
        }
        return c;
    }
}
