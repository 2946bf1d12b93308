package dev.skiff.ssh.forward;

import dev.skiff.ssh.ConnectFailedException;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * OpenSSH's {@code ProxyCommand} (ssh_config(5)): the transport runs over the stdin/stdout of a
 * command such as {@code ssh -W %h:%p jump} or {@code nc %h %p}.
 */
public final class ProxyCommand {
    private ProxyCommand() {
    }

    /**
     * Expands the tokens ProxyCommand accepts here: {@code %h} host (the address to dial),
     * {@code %p} port, {@code %r} remote user name (empty if unknown), {@code %n} the host as the
     * user typed it, {@code %%} a percent sign.
     *
     * @throws IllegalArgumentException for an unknown token or a trailing {@code %}
     */
    public static String expand(String template, ConnectSpec target) {
        StringBuilder b = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (++i == template.length()) {
                throw new IllegalArgumentException("ProxyCommand ends with '%': " + template);
            }
            switch (template.charAt(i)) {
                case 'h' -> b.append(target.address());
                case 'p' -> b.append(target.port());
                case 'r' -> b.append(target.user() == null ? "" : target.user());
                case 'n' -> b.append(target.host());
                case '%' -> b.append('%');
                default -> throw new IllegalArgumentException("unknown token %" + template.charAt(i)
                        + " in ProxyCommand");
            }
        }
        return b.toString();
    }

    /**
     * Expands {@code template} for {@code target}, starts it and connects over its stdio; the host
     * key is checked for {@code target}. The returned connection owns the process: closing it
     * destroys the process.
     *
     * @param stderr receives the command's stderr lines, or null to pass them through to ours
     * @throws ConnectFailedException when the command cannot be started
     */
    public static SshConnection connect(String template, ConnectSpec target, SshClientConfig config,
            Consumer<String> stderr) throws SshException {
        String command = expand(template, target);
        ProcessSshIo io;
        try {
            io = ProcessSshIo.start(command, stderr);
        } catch (IOException e) {
            throw new ConnectFailedException("cannot run ProxyCommand '" + command + "': " + e.getMessage(), e);
        }
        try {
            return SshClient.connect(target, config, io);
        } catch (SshException | RuntimeException e) {
            io.close();
            throw e;
        }
    }
}
