package dev.skiff.ssh.server;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.wire.WireWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's program on the session thread and ends the channel the way OpenSSH does:
 * all output, then exit-status (or exit-signal, RFC 4254 section 6.10), EOF, CLOSE. A program
 * that cannot start writes the reason to stderr and exits with 127, like a shell.
 */
final class SessionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

    private final Channel channel;
    private final ServerCommand command;

    SessionRunner(Channel channel, ServerCommand command) {
        this.channel = channel;
        this.command = command;
    }

    void run() {
        OutputStream out = Streams.channelOut(channel, 0);
        OutputStream err = Streams.channelOut(channel, 1);
        ExitStatus status;
        try {
            status = command.run(channel.inputStream(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = new ExitStatus(-1, "KILL", false, "interrupted");
        } catch (Exception e) {
            LOG.debug("{}: program failed: {}", channel, e.toString());
            try {
                err.write(("skiff: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (Exception ignored) {
                // the channel is gone
            }
            status = ExitStatus.ofCode(127);
        }
        if (status == null) {
            status = ExitStatus.ofCode(0);
        }
        try {
            if (status.bySignal()) {
                channel.request("exit-signal", false, new WireWriter().utf8(status.signal()).bool(status.coreDumped())
                        .utf8(status.errorMessage() == null ? "" : status.errorMessage()).utf8("").toByteArray());
            } else {
                channel.request("exit-status", false, new WireWriter().uint32(status.code() & 0xffffffffL).toByteArray());
            }
            channel.sendEof();
        } catch (SshException e) {
            LOG.debug("{}: could not report the exit: {}", channel, e.toString());
        }
        channel.close();
        command.destroy();
        Streams.closeQuietly(channel.inputStream());
    }
}
