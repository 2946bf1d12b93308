package dev.skiff.ssh.forward;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ConnectionService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The port forwards of one SSH connection: local ({@code -L}), remote ({@code -R}) and dynamic
 * ({@code -D}), RFC 4254 section 7. Each returned forward is {@link AutoCloseable}; closing this
 * object closes all of them. When the connection ends, every forward stops by itself.
 *
 * <p>Threads: the methods block only for binding (local, dynamic) or for the server's reply to
 * {@code tcpip-forward} (remote, up to the request timeout); call them on a worker thread.
 */
public final class Forwarding implements AutoCloseable {
    private final ConnectionService connection;
    private final RemoteForwarding remote;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    public Forwarding(ConnectionService connection) {
        this.connection = connection;
        this.remote = new RemoteForwarding(connection);
    }

    /** Starts a local forward; see {@link LocalForward}. */
    public LocalForward local(ForwardSpec spec) throws SshException {
        return track(LocalForward.start(connection, spec));
    }

    /** Starts a remote forward; see {@link RemoteForward}. */
    public RemoteForward remote(ForwardSpec spec) throws SshException {
        if (spec.host() == null) {
            throw new IllegalArgumentException("remote dynamic forwarding is not supported");
        }
        return track(remote.request(spec));
    }

    /** Starts a SOCKS listener; see {@link DynamicForward}. */
    public DynamicForward dynamic(ForwardSpec spec) throws SshException {
        return track(DynamicForward.start(connection, spec));
    }

    private <T extends AutoCloseable> T track(T forward) {
        opened.removeIf(f -> f instanceof ForwardListener l ? !l.isOpen() : !((RemoteForward) f).isOpen());
        opened.add(forward);
        return forward;
    }

    /** Closes every forward started here (each closes idempotently). Blocks, bounded. */
    @Override
    public void close() {
        for (AutoCloseable f : opened) {
            try {
                f.close();
            } catch (Exception ignored) {
                // our forwards do not throw from close()
            }
        }
        opened.clear();
    }
}
