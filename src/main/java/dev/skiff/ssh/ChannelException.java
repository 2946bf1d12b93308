package dev.skiff.ssh;

/** A channel-level failure (RFC 4254): refused request, closed channel, window timeout. */
public class ChannelException extends SshException {
    private static final long serialVersionUID = 1L;

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
