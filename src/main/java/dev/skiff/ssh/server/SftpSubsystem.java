package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.sftp.server.SftpServer;
import dev.skiff.ssh.sftp.server.SftpServerConfig;
import dev.skiff.ssh.sftp.server.SftpServerException;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "sftp" subsystem (RFC 4254 section 6.5): each request runs one {@link SftpServer} session
 * over the channel's streams, rooted at a directory (clients see it as "/" and cannot leave it).
 * Register with {@code SshServer.builder().subsystem("sftp", SftpSubsystem.rootedAt(dir))}.
 *
 * <p>The session runs on the channel's session thread and ends when the client closes its side
 * (exit status 0) or breaks the SFTP framing (exit status 1, logged).
 */
public final class SftpSubsystem implements SubsystemFactory {
    /** The subsystem name clients ask for. */
    public static final String NAME = "sftp";
    private static final Logger LOG = LoggerFactory.getLogger(SftpSubsystem.class);

    private final SftpServer server;

    public SftpSubsystem(SftpServerConfig config) throws IOException {
        this.server = new SftpServer(config);
    }

    /** Read-write SFTP rooted at {@code root}. @throws IOException if root is not a directory */
    public static SftpSubsystem rootedAt(Path root) throws IOException {
        return new SftpSubsystem(SftpServerConfig.of(root));
    }

    public SftpServerConfig config() {
        return server.config();
    }

    @Override
    public ServerCommand create(SessionInfo session) {
        return (in, out, err) -> {
            try {
                server.serve(in, out);
                return ExitStatus.ofCode(0);
            } catch (SftpServerException e) {
                LOG.info("sftp session of {} from {} ended: {}", session.user(), session.peer(), e.getMessage());
                return ExitStatus.ofCode(1);
            }
        };
    }
}
