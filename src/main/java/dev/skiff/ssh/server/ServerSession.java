package dev.skiff.ssh.server;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ChannelMessage;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.wire.WireReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server side of a "session" channel (RFC 4254 section 6): pty-req, env, exec, shell,
 * subsystem, window-change and signal, each decided by the {@link ServerPolicy}. One program per
 * channel; it runs on its own thread through {@link SessionRunner}.
 *
 * <p>Threads: {@link #onRequest} runs on the transport's reader thread and never blocks; starting
 * the program (fork, pty) happens on the session thread.
 */
final class ServerSession extends Channel {
    /** More env requests than this are refused. */
    static final int MAX_ENV = 256;

    private final ConnectionContext context;
    private final ConnectionService connection;
    private final Map<String, String> env = new LinkedHashMap<>();
    private AgentForwardListener agent;
    private X11DisplayListener x11;
    private PtyInfo pty;
    private volatile ServerCommand command;
    /** The program accepted by the last request, started once its reply is on the wire. */
    private Runnable pendingStart;

    ServerSession(ConnectionService connection, ConnectionContext context) {
        super(connection, "session", connection.config().window(), connection.config().maxPacket());
        this.context = context;
        this.connection = connection;
        closedFuture().whenComplete((v, e) -> {
            ServerCommand c = command;
            if (c != null) {
                c.destroy();
            }
            AgentForwardListener a;
            X11DisplayListener x;
            synchronized (this) {
                a = agent;
                x = x11;
            }
            if (a != null) {
                a.close();
            }
            if (x != null) {
                x.close();
            }
        });
    }

    /** The session as policies and commands see it: the client's variables, then sshd's SSH_CONNECTION and SSH_CLIENT. */
    private SessionInfo info() {
        Map<String, String> all = new LinkedHashMap<>(env);
        String[] c = context.sshConnection().split(" ");
        all.put("SSH_CONNECTION", context.sshConnection());
        all.put("SSH_CLIENT", c[0] + " " + c[1] + " " + c[3]);
        return new SessionInfo(context.user(), context.peer(), all, pty);
    }

    @Override
    protected boolean onRequest(ChannelMessage.Request m) throws ProtocolException {
        WireReader r = new WireReader(m.data());
        switch (m.type()) {
            case "pty-req" -> {
                PtyInfo p = PtyInfo.decode(m.data());
                if (command != null || pty != null || !context.policy().allowPty(context.user(), p)) {
                    return false;
                }
                pty = p;
                return true;
            }
            case "env" -> {
                String name = r.utf8();
                String value = r.utf8();
                r.expectEnd();
                if (command != null || env.size() >= MAX_ENV || !context.policy().acceptEnv(context.user(), name, value)) {
                    return false;
                }
                env.put(name, value);
                return true;
            }
            case "exec" -> {
                String cmd = r.utf8();
                r.expectEnd();
                return command == null && start(context.policy().exec(info(), cmd), "exec");
            }
            case "shell" -> {
                r.expectEnd();
                return command == null && start(context.policy().shell(info()), "shell");
            }
            case "subsystem" -> {
                String name = r.utf8();
                r.expectEnd();
                return command == null && startSubsystem(name);
            }
            case "window-change" -> {
                int cols = (int) Math.min(r.uint32(), PtyInfo.MAX_DIMENSION);
                int rows = (int) Math.min(r.uint32(), PtyInfo.MAX_DIMENSION);
                int w = (int) Math.min(r.uint32(), PtyInfo.MAX_DIMENSION);
                int h = (int) Math.min(r.uint32(), PtyInfo.MAX_DIMENSION);
                r.expectEnd();
                if (pty == null) {
                    return false;
                }
                pty = pty.resized(cols, rows, w, h);
                ServerCommand c = command;
                if (c != null) {
                    c.windowChange(cols, rows, w, h);
                }
                return true;
            }
            case "signal" -> {
                String name = r.ascii();
                r.expectEnd();
                ServerCommand c = command;
                return c != null && c.signal(name);
            }
            case "auth-agent-req@openssh.com" -> {
                r.expectEnd();
                return startAgentForwarding();
            }
            case "x11-req" -> {
                return startX11Forwarding(dev.skiff.ssh.x11.X11Request.decode(m.data()));
            }
            default -> {
                return false; // e.g. keepalive@openssh.com
            }
        }
    }

    /** A private agent socket for this session's programs; binding a Unix socket does not block. */
    private boolean startAgentForwarding() {
        synchronized (this) {
            if (command != null || agent != null || !context.policy().allowAgentForwarding(context.user())) {
                return false;
            }
            try {
                agent = AgentForwardListener.start(connection, context);
            } catch (java.io.IOException e) {
                return false;
            }
            env.put("SSH_AUTH_SOCK", agent.socket().toString());
            return true;
        }
    }

    /** A loopback X11 display for this session's programs; binding does not block. */
    private boolean startX11Forwarding(dev.skiff.ssh.x11.X11Request req) {
        synchronized (this) {
            if (command != null || x11 != null || !req.wellFormed()
                    || !context.policy().allowX11Forwarding(context.user())) {
                return false;
            }
            try {
                x11 = X11DisplayListener.start(connection, context, req);
            } catch (IOException e) {
                return false;
            }
            x11.exportTo(env);
            return true;
        }
    }

    private boolean startSubsystem(String name) {
        SubsystemFactory f = context.subsystems().get(name);
        if (f == null || !context.policy().allowSubsystem(info(), name)) {
            return false;
        }
        try {
            return start(f.create(info()), "subsystem-" + name);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean start(ServerCommand c, String what) {
        if (c == null) {
            return false;
        }
        command = c;
        SessionRunner runner = new SessionRunner(this, c);
        X11DisplayListener x;
        synchronized (this) {
            x = x11;
        }
        Runnable body = x == null ? runner::run : () -> {
            x.recordCookie(context.policy().xauthLocation()); // xauth runs before the program, as in sshd
            runner.run();
        };
        pendingStart = () -> context.threads().start(context.name() + "-session-" + localId() + "-" + what, body);
        return true;
    }

    @Override
    protected void requestAnswered(ChannelMessage.Request m, boolean success) {
        Runnable r = pendingStart;
        pendingStart = null;
        if (r != null) {
            r.run();
        }
    }
}
