package dev.skiff.app.connections;

import dev.skiff.app.terminal.SshTerminalSource;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.config.SessionEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Gives a terminal tab (or, through {@link #lease}, a file browser tab) a lease on the shared
 * connection for one host ({@link ConnectionManager}): tabs with the same key share one login; the connection closes with the last tab. Reconnecting a
 * tab after its connection died opens a new one.
 */
public final class SharedConnectionProvider implements SshTerminalSource.ConnectionProvider {
    private final ConnectionManager manager;
    private final String key;
    private final Function<Consumer<String>, ConnectionManager.HostOpener> opener;
    private final List<ConnectionManager.Lease> leases = new ArrayList<>();

    /**
     * @param key what identifies the host (a saved host's id, the quick-connect destination)
     * @param opener makes the opener for one attempt, given where to report its steps
     */
    public SharedConnectionProvider(ConnectionManager manager, String key,
            Function<Consumer<String>, ConnectionManager.Opener> opener) {
        this(key, manager, progress -> {
            ConnectionManager.Opener o = opener.apply(progress);
            return () -> HostConnection.plain(o.open());
        });
    }

    private SharedConnectionProvider(String key, ConnectionManager manager,
            Function<Consumer<String>, ConnectionManager.HostOpener> opener) {
        this.manager = manager;
        this.key = key;
        this.opener = opener;
    }

    /**
     * A provider whose connections carry their host's settings ({@link HostConnection#open}):
     * forwards are started once per shared connection, each terminal sends the host's environment,
     * and the first terminal on a connection shows its warnings.
     */
    public static SharedConnectionProvider forHost(ConnectionManager manager, String key,
            Function<Consumer<String>, ConnectionManager.HostOpener> opener) {
        return new SharedConnectionProvider(key, manager, opener);
    }

    public String key() {
        return key;
    }

    /**
     * A lease of its own on this host's shared connection (for a file browser tab), opening it when
     * no tab holds it. Any thread; never blocks. Close the lease when done.
     */
    public CompletableFuture<ConnectionManager.Lease> lease(Consumer<String> progress) {
        return manager.acquireHost(key, opener.apply(progress));
    }

    @Override
    public SshConnection connect(Consumer<String> progress) throws Exception {
        CompletableFuture<ConnectionManager.Lease> pending = lease(progress);
        ConnectionManager.Lease lease;
        try {
            lease = pending.get();
        } catch (InterruptedException e) {
            pending.thenAccept(ConnectionManager.Lease::close); // cancelled: give it back when it comes
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        synchronized (leases) {
            leases.add(lease);
        }
        return lease.connection();
    }

    @Override
    public SessionEnvironment environment(SshConnection connection) {
        return lease(connection, false).map(l -> l.host().environment()).orElse(SessionEnvironment.NONE);
    }

    @Override
    public List<String> notices(SshConnection connection) {
        return lease(connection, false).map(ConnectionManager.Lease::takeWarnings).orElse(List.of());
    }

    @Override
    public void release(SshConnection connection) {
        lease(connection, true).ifPresent(ConnectionManager.Lease::close);
    }

    private Optional<ConnectionManager.Lease> lease(SshConnection connection, boolean remove) {
        synchronized (leases) {
            for (var it = leases.iterator(); it.hasNext();) {
                ConnectionManager.Lease l = it.next();
                if (l.connection() == connection) {
                    if (remove) {
                        it.remove();
                    }
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }
}
