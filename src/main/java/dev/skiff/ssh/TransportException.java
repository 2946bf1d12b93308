package dev.skiff.ssh;

/** A failure of the transport layer (RFC 4253): I/O, protocol, negotiation, host key, timeout. */
public class TransportException extends SshException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
