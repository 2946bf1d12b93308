package dev.skiff.ssh.transport;

import java.io.IOException;

/**
 * Receives the messages above the transport (numbers 50 and up: user authentication and the
 * connection protocol). Called on the reader thread: must not block on a reply or on a consumer.
 */
public interface MessageHandler {
    /** One decrypted payload; the first byte is the message number. */
    void handle(int id, byte[] payload) throws IOException;

    /**
     * CHANNEL_DATA / CHANNEL_EXTENDED_DATA in place: {@code buf[off, off+len)} is the payload
     * (message id first) in a fresh array the handler may keep. The default copies and calls
     * {@link #handle}.
     */
    default void handleData(byte[] buf, int off, int len) throws IOException {
        handle(buf[off] & 0xff, java.util.Arrays.copyOfRange(buf, off, off + len));
    }

    /** The transport ended; {@code cause} says why (null after an orderly local close). */
    default void closed(Throwable cause) {
    }
}
