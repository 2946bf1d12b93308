package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.x11.X11Forwarding;
import dev.skiff.ssh.x11.Xauth;
import java.nio.file.Path;
import java.util.Map;

/**
 * X11 forwarding for {@code skiff ssh} (-X / -Y / ForwardX11): the display is DISPLAY, its cookie
 * comes from XAuthLocation's xauth in XAUTHORITY or ~/.Xauthority; ForwardX11Trusted (yes by
 * default, as in Debian) chooses the display's own cookie or an untrusted generated one (see
 * {@link X11Forwarding}). Problems are warnings, as in OpenSSH: the session goes on without X11.
 */
final class CliX11 {
    private CliX11() {
    }

    static void forward(SshConnection c, SessionChannel s, HostConfig cfg, Map<String, String> env, CliInteraction ui)
            throws SshException {
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank()) {
            ui.warn("X11 forwarding requested but DISPLAY not set");
            return;
        }
        String authority = env.get("XAUTHORITY");
        Xauth xauth = new Xauth(Path.of(expandHome(cfg.xauthLocation(), env)),
                authority == null || authority.isBlank() ? null : Path.of(authority));
        try {
            if (!X11Forwarding.enable(c, s, display, cfg.forwardX11Trusted(), xauth)) {
                ui.warn("X11 forwarding request failed on channel " + s.localId());
            }
        } catch (IllegalArgumentException e) {
            ui.warn("Warning: X11 forwarding disabled: " + e.getMessage());
        }
    }

    private static String expandHome(String path, Map<String, String> env) {
        if (path.startsWith("~/")) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            return home + path.substring(1);
        }
        return path;
    }
}
