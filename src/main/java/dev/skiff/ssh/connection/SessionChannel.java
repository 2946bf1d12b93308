package dev.skiff.ssh.connection;

import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A "session" channel (RFC 4254 section 6): pty-req, env, exec, shell, subsystem, window-change,
 * signal; exit-status and exit-signal from the server. Process-like: stdin, stdout, stderr and an
 * exit future (Twisted Conch's "run a command" model). stdout and stderr are buffered separately
 * within one window, so a caller must drain both (e.g. on two threads) when both are large.
 */
public final class SessionChannel extends Channel {
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private volatile ExitStatus exitStatus;
    private final Duration timeout;

    public SessionChannel(ConnectionService connection) {
        super(connection, "session", connection.config().window(), connection.config().maxPacket());
        this.timeout = connection.config().requestTimeout();
    }

    /** Requests a pseudo-terminal. */
    public void requestPty(PtyRequest pty) throws SshException {
        require("pty-req", pty.encode());
    }

    /** Sets an environment variable; returns false when the server refuses it (AcceptEnv). */
    public boolean setEnv(String name, String value) throws SshException {
        return requestAndWait("env", new WireWriter().utf8(name).utf8(value).toByteArray(), timeout);
    }

    public void exec(String command) throws SshException {
        require("exec", new WireWriter().utf8(command).toByteArray());
    }

    public void shell() throws SshException {
        require("shell", new byte[0]);
    }

    public void subsystem(String name) throws SshException {
        require("subsystem", new WireWriter().utf8(name).toByteArray());
    }

    /** Tells the server the terminal size changed (no reply). */
    public void windowChange(int columns, int rows, int widthPixels, int heightPixels) throws SshException {
        ConnectionService.await(request("window-change", false, new WireWriter().uint32(columns).uint32(rows)
                .uint32(widthPixels).uint32(heightPixels).toByteArray()), timeout, "window-change");
    }

    /** Delivers a signal, e.g. "TERM", "INT" (RFC 4254 section 6.9; OpenSSH 7.9+ servers honour it). */
    public void signal(String name) throws SshException {
        ConnectionService.await(request("signal", false, new WireWriter().utf8(name).toByteArray()), timeout, "signal");
    }

    private void require(String type, byte[] data) throws SshException {
        if (!requestAndWait(type, data, timeout)) {
            throw new ChannelException("the server refused the " + type + " request");
        }
    }

    public OutputStream stdin() {
        return outputStream();
    }

    public InputStream stdout() {
        return inputStream();
    }

    public InputStream stderr() {
        return extendedInputStream();
    }

    /** Completes when the channel closes: with the exit status or signal, or code -1 if none was sent. */
    public CompletableFuture<ExitStatus> exitFuture() {
        return exit;
    }

    /** Waits for the command to end; null on timeout. */
    public ExitStatus waitFor(Duration limit) throws SshException {
        try {
            return exit.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted waiting for the command", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SshException s ? s : new ChannelException("command failed", e.getCause());
        }
    }

    @Override
    protected boolean onRequest(ChannelMessage.Request m) throws ProtocolException {
        WireReader r = new WireReader(m.data());
        switch (m.type()) {
            case "exit-status" -> {
                long code = r.uint32();
                r.expectEnd();
                exitStatus = ExitStatus.ofCode((int) code);
                return true;
            }
            case "exit-signal" -> {
                String sig = r.ascii();
                boolean core = r.bool();
                String msg = new String(r.string(), StandardCharsets.UTF_8);
                if (r.remaining() > 0) {
                    r.string();
                }
                r.expectEnd();
                exitStatus = new ExitStatus(-1, sig, core, msg);
                return true;
            }
            default -> {
                return false; // e.g. keepalive@openssh.com: answered with CHANNEL_FAILURE
            }
        }
    }

    @Override
    protected void closedByPeer() {
        ExitStatus s = exitStatus;
        exit.complete(s != null ? s : new ExitStatus(-1, null, false, ""));
    }

    @Override
    void fail(SshException cause) {
        super.fail(cause);
        exit.completeExceptionally(cause);
    }
}
