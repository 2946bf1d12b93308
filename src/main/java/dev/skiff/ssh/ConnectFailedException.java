package dev.skiff.ssh;

/** The TCP connection could not be made (name resolution, refused, unreachable, timed out). */
public class ConnectFailedException extends TransportException {
    private static final long serialVersionUID = 1L;

    public ConnectFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
