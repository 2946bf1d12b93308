package dev.skiff.ssh;

/**
 * The peer broke the protocol: malformed or out-of-bounds data, an unexpected message, a bad MAC.
 * Carries the disconnect reason we send (or would send) for it.
 */
public class ProtocolException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final DisconnectReason reason;

    public ProtocolException(String message) {
        this(DisconnectReason.PROTOCOL_ERROR, message);
    }

    public ProtocolException(DisconnectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ProtocolException(DisconnectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DisconnectReason reason() {
        return reason;
    }
}
