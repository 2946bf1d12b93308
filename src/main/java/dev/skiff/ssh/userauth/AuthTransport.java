package dev.skiff.ssh.userauth;

import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.transport.MessageHandler;
import dev.skiff.ssh.transport.Transport;
import java.util.List;

/**
 * What user authentication needs from the transport: a narrow seam so that the conversation can
 * be driven by an in-memory fake server in tests. {@link #of(Transport)} adapts the real one.
 */
public interface AuthTransport {
    /** Sends one payload and wipes it once written (it may hold a password); any thread. */
    void send(byte[] payload) throws TransportException;

    /** The session identifier H of the first key exchange (RFC 4253 section 7.2), signed by publickey. */
    byte[] sessionId();

    /** The server's {@code server-sig-algs} extension (RFC 8308), empty if absent. */
    List<String> serverSigAlgs();

    /** Peer address for messages. */
    String peer();

    /** Called on USERAUTH_SUCCESS, on the reader thread, before the next packet is read. */
    void authenticated();

    /** Routes messages 50 and up to {@code handler} (called on the reader thread). */
    void setMessageHandler(MessageHandler handler);

    /** Closes the connection (after a reply timeout). */
    void close();

    static AuthTransport of(Transport t) {
        return new AuthTransport() {
            @Override
            public void send(byte[] payload) throws TransportException {
                t.sendSecret(payload);
            }

            @Override
            public byte[] sessionId() {
                return t.sessionId();
            }

            @Override
            public List<String> serverSigAlgs() {
                return t.serverSigAlgs();
            }

            @Override
            public String peer() {
                return t.peer();
            }

            @Override
            public void authenticated() {
                t.authenticated();
            }

            @Override
            public void setMessageHandler(MessageHandler handler) {
                t.setMessageHandler(handler);
            }

            @Override
            public void close() {
                t.close();
            }
        };
    }
}
