package dev.skiff.ssh.transport;

import java.io.IOException;

/**
 * Receives the messages above the transport (numbers 50 and up: user authentication and the
 * connection protocol). Called on the reader thread: must not block on a reply or on a consumer.
 */
public interface MessageHandler {
    /** One decrypted payload; the first byte is the message number. */
    void handle(int id, byte[] payload) throws IOException;

    /** The transport ended; {@code cause} says why (null after an orderly local close). */
    default void closed(Throwable cause) {
    }
}
