package dev.skiff.ssh.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits of an {@link SshServer}, with OpenSSH-like defaults ({@code sshd_config(5)}):
 *
 * <ul>
 *   <li>{@code loginGraceTime} 120 s: a connection not authenticated by then is dropped (also one
 *       that never sends its identification);
 *   <li>{@code maxAuthTries} 6: the failure that reaches it disconnects with "Too many
 *       authentication failures" (the first {@code none} and partial successes do not count);
 *   <li>{@code maxSessions} 10 session channels per connection;
 *   <li>{@code maxStartups} 10 connections not yet authenticated; further ones are closed at once;
 *   <li>{@code failureDelay} 300 ms (plus up to 50% jitter) after a failed password or
 *       keyboard-interactive attempt;
 *   <li>{@code preAuthMaxPacket} 32 KiB: a bigger packet before authentication ends the connection
 *       (afterwards the transport's 256 KiB cap applies).
 * </ul>
 */
public record ServerLimits(Duration loginGraceTime, int maxAuthTries, int maxSessions, int maxStartups,
        Duration failureDelay, int preAuthMaxPacket) {
    public ServerLimits {
        Objects.requireNonNull(loginGraceTime, "loginGraceTime");
        Objects.requireNonNull(failureDelay, "failureDelay");
        if (loginGraceTime.isNegative() || loginGraceTime.isZero() || maxAuthTries < 1 || maxSessions < 1
                || maxStartups < 1 || failureDelay.isNegative() || preAuthMaxPacket < 1024
                || preAuthMaxPacket > 256 * 1024) {
            throw new IllegalArgumentException("bad server limits");
        }
    }

    public static ServerLimits defaults() {
        return new ServerLimits(Duration.ofSeconds(120), 6, 10, 10, Duration.ofMillis(300), 32 * 1024);
    }

    public ServerLimits withLoginGraceTime(Duration d) {
        return new ServerLimits(d, maxAuthTries, maxSessions, maxStartups, failureDelay, preAuthMaxPacket);
    }

    public ServerLimits withMaxAuthTries(int n) {
        return new ServerLimits(loginGraceTime, n, maxSessions, maxStartups, failureDelay, preAuthMaxPacket);
    }

    public ServerLimits withMaxSessions(int n) {
        return new ServerLimits(loginGraceTime, maxAuthTries, n, maxStartups, failureDelay, preAuthMaxPacket);
    }

    public ServerLimits withMaxStartups(int n) {
        return new ServerLimits(loginGraceTime, maxAuthTries, maxSessions, n, failureDelay, preAuthMaxPacket);
    }

    public ServerLimits withFailureDelay(Duration d) {
        return new ServerLimits(loginGraceTime, maxAuthTries, maxSessions, maxStartups, d, preAuthMaxPacket);
    }

    public ServerLimits withPreAuthMaxPacket(int bytes) {
        return new ServerLimits(loginGraceTime, maxAuthTries, maxSessions, maxStartups, failureDelay, bytes);
    }
}
