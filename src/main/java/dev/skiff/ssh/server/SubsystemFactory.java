package dev.skiff.ssh.server;

import java.io.IOException;

/**
 * Creates the program behind a {@code subsystem} request (RFC 4254 section 6.5), e.g. "sftp".
 * Registered by name with {@link SshServer.Builder#subsystem}. The returned command's
 * {@link ServerCommand#run} gets the channel's input and output streams and runs on its own
 * thread; its return ends the channel.
 */
@FunctionalInterface
public interface SubsystemFactory {
    /**
     * Called on the transport's reader thread when the request arrives: must not block (start
     * nothing here; the work happens in {@code run}).
     *
     * @throws IOException to refuse the request
     */
    ServerCommand create(SessionInfo session) throws IOException;
}
