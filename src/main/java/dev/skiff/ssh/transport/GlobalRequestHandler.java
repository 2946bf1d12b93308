package dev.skiff.ssh.transport;

import dev.skiff.ssh.transport.msg.GlobalRequest;

/**
 * Answers global requests from the peer (RFC 4254 section 4). Called on the reader thread.
 * Returns the REQUEST_SUCCESS data, or null for REQUEST_FAILURE.
 */
public interface GlobalRequestHandler {
    byte[] handle(GlobalRequest request);

    /** Refuses everything, which is what a client does with e.g. keepalive@openssh.com. */
    GlobalRequestHandler REFUSE_ALL = request -> null;
}
