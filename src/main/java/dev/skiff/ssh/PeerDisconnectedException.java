package dev.skiff.ssh;

/** The peer sent SSH_MSG_DISCONNECT, or closed the connection. */
public class PeerDisconnectedException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final DisconnectReason reason;

    public PeerDisconnectedException(DisconnectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DisconnectReason reason() {
        return reason;
    }
}
