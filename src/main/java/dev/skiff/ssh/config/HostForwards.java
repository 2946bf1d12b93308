package dev.skiff.ssh.config;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.forward.ForwardSpec;
import dev.skiff.ssh.forward.RemoteForward;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The port forwards started on one connection, as OpenSSH's {@code ssh} starts them after
 * authentication: local ({@code -L} / {@code LocalForward}), remote ({@code -R} /
 * {@code RemoteForward}) and dynamic ({@code -D} / {@code DynamicForward}), in the order given. A
 * forward that cannot be set up (bad specification, port in use, server refuses) is reported as a
 * warning and the others keep working, unless {@code ExitOnForwardFailure} is set: then the first
 * failure closes the forwards already started and throws. Used by {@code skiff ssh} and the
 * desktop app.
 *
 * <p>The forwards live as long as the connection ({@link SshConnection#close} stops them) or until
 * {@link #close}. {@link #start} blocks for binding and for the server's replies; worker threads only.
 */
public final class HostForwards implements AutoCloseable {

    /** The direction of a forward, named after OpenSSH's flag. */
    public enum Kind {
        LOCAL("LocalForward"), REMOTE("RemoteForward"), DYNAMIC("DynamicForward");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The ssh_config keyword. */
        public String keyword() {
            return keyword;
        }
    }

    /**
     * One forward to start.
     *
     * @param what how the user wrote it, for messages ({@code -L 8080:db:5432}, {@code LocalForward 8080 db:5432})
     * @param spec parses the specification; may throw {@link IllegalArgumentException} (reported as a failure)
     */
    public record Request(Kind kind, String what, Supplier<ForwardSpec> spec) {
    }

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> started = new ArrayList<>();

    private HostForwards() {
    }

    /** The configuration's LocalForward, RemoteForward and DynamicForward entries, in that order. */
    public static List<Request> requests(HostConfig cfg) {
        List<Request> out = new ArrayList<>();
        cfg.localForwards().forEach(f -> out.add(request(Kind.LOCAL, f)));
        cfg.remoteForwards().forEach(f -> out.add(request(Kind.REMOTE, f)));
        cfg.dynamicForwards().forEach(f -> out.add(request(Kind.DYNAMIC, f)));
        return out;
    }

    private static Request request(Kind kind, Forward f) {
        String what = kind.keyword() + " " + f.formatListen() + (f.isDynamic() ? "" : " " + f.formatConnect());
        return new Request(kind, what, () -> toSpec(f));
    }

    /** A config {@link Forward} as a {@link ForwardSpec}; Unix-socket forwards are refused. */
    public static ForwardSpec toSpec(Forward fw) {
        if (fw.listenPath().isPresent() || fw.connectPath().isPresent()) {
            throw new IllegalArgumentException("Unix-socket forwarding is not supported");
        }
        return new ForwardSpec(fw.listenHost().orElse(null), fw.listenPort(), fw.connectHost().orElse(null),
                fw.connectPort());
    }

    /**
     * Starts {@code requests} on {@code c}.
     *
     * @param warn receives one line per failed forward ("Warning: LocalForward 8080 [db]:5432: cannot
     *        listen on ...") and per remote port the server allocated
     * @param exitOnFailure {@code ExitOnForwardFailure}: fail instead of warning
     * @throws SshException the first failure when {@code exitOnFailure} (the started ones are closed)
     */
    public static HostForwards start(SshConnection c, List<Request> requests, boolean exitOnFailure,
            Consumer<String> warn) throws SshException {
        HostForwards f = new HostForwards();
        for (Request r : requests) {
            try {
                f.startOne(c, r, warn);
            } catch (SshException | IllegalArgumentException e) {
                if (exitOnFailure) {
                    f.close();
                    throw new SshException("Error: " + r.what() + ": " + e.getMessage()
                            + " (ExitOnForwardFailure is set)", e);
                }
                warn.accept("Warning: " + r.what() + ": " + e.getMessage());
            }
        }
        return f;
    }

    private void startOne(SshConnection c, Request r, Consumer<String> warn) throws SshException {
        ForwardSpec spec = r.spec().get();
        AutoCloseable forward = switch (r.kind()) {
            case LOCAL -> c.forwarding().local(spec);
            case DYNAMIC -> c.forwarding().dynamic(spec);
            case REMOTE -> {
                RemoteForward rf = c.forwarding().remote(spec);
                if (spec.bindPort() == 0) {
                    warn.accept("Allocated port " + rf.boundPort() + " for remote forward to "
                            + ForwardSpec.bracket(spec.host()) + ":" + spec.hostPort());
                }
                yield rf;
            }
        };
        synchronized (this) {
            open.add(forward);
            started.add(r.what());
        }
    }

    /** The forwards that were started ({@link Request#what()}), in order. */
    public synchronized List<String> started() {
        return Collections.unmodifiableList(new ArrayList<>(started));
    }

    /** Stops every forward started here. Idempotent; blocks, bounded. */
    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (this) {
            all = new ArrayList<>(open);
            open.clear();
        }
        for (AutoCloseable f : all) {
            try {
                f.close();
            } catch (Exception ignored) {
                // our forwards do not throw from close()
            }
        }
    }
}
