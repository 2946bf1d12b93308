package dev.skiff.ssh.userauth;

import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.transport.MessageHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory server for the user authentication conversation: every payload the client sends
 * goes to a script, whose replies are delivered through the message handler as the reader thread
 * would (here synchronously; the handler only queues).
 */
final class FakeAuthTransport implements AuthTransport {
    /** Answers one client payload with zero or more server payloads. */
    interface Script {
        List<byte[]> reply(byte[] clientPayload) throws Exception;
    }

    final List<byte[]> sent = new ArrayList<>();
    final byte[] sessionId = new byte[32];
    private final Script script;
    private MessageHandler handler;
    boolean authenticatedCalled;
    boolean closed;

    FakeAuthTransport(Script script) {
        this.script = script;
    }

    @Override
    public void send(byte[] payload) throws TransportException {
        sent.add(payload.clone());
        try {
            for (byte[] r : script.reply(payload)) {
                handler.handle(r[0] & 0xff, r);
            }
        } catch (IOException e) {
            throw new TransportException("fake server: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The method names of the USERAUTH_REQUESTs sent so far. */
    List<String> methods() throws Exception {
        List<String> m = new ArrayList<>();
        for (byte[] p : sent) {
            if (p[0] == 50) {
                m.add(UserauthRequest.decode(p).method());
            }
        }
        return m;
    }

    void disconnect(Throwable cause) {
        handler.closed(cause);
    }

    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    @Override
    public List<String> serverSigAlgs() {
        return List.of("rsa-sha2-512", "rsa-sha2-256");
    }

    @Override
    public String peer() {
        return "fake:22";
    }

    @Override
    public void authenticated() {
        authenticatedCalled = true;
    }

    @Override
    public void setMessageHandler(MessageHandler h) {
        this.handler = h;
    }

    @Override
    public void close() {
        closed = true;
    }

    static byte[] failure(boolean partial, String... methods) {
        return new UserauthFailure(List.of(methods), partial).encode();
    }

    static byte[] success() {
        return new UserauthSuccess().encode();
    }
}
