package dev.skiff.cli;

import dev.skiff.cli.term.Tty;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.SessionChannel;

/**
 * Forwards terminal resizes (SIGWINCH) to the session as window-change requests. Uses the
 * JDK's {@code sun.misc.Signal} (module jdk.unsupported), the only signal hook Java has.
 */
final class WindowChanges {
    private WindowChanges() {
    }

    @SuppressWarnings("sunapi")
    static void watch(SessionChannel session) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sig -> {
                Thread t = new Thread(() -> Tty.size().ifPresent(size -> {
                    try {
                        session.windowChange(size[0], size[1], 0, 0);
                    } catch (SshException ignored) {
                        // the session is ending
                    }
                }), "skiff-winch");
                t.setDaemon(true);
                t.start();
            });
        } catch (IllegalArgumentException e) {
            // no SIGWINCH on this platform: sizes stay as they were at start
        }
    }
}
