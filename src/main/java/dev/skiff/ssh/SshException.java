package dev.skiff.ssh;

import java.io.IOException;

/** Root of Skiff's checked SSH exception tree (DESIGN.md section 6). */
public class SshException extends IOException {
    private static final long serialVersionUID = 1L;

    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
