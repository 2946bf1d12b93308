package dev.skiff.ssh;

/** The server's host key was not accepted (changed, revoked, unknown under a strict policy, bad signature). */
public class HostKeyRejectedException extends TransportException {
    private static final long serialVersionUID = 1L;

    public HostKeyRejectedException(String message) {
        super(message);
    }
}
