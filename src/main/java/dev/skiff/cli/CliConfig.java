package dev.skiff.cli;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.Destination;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.SshConfigEvaluator;
import java.nio.file.Path;
import java.util.List;

/** ssh_config evaluation from command-line options, shared by {@code skiff ssh} and {@code skiff sftp}. */
final class CliConfig {
    private CliConfig() {
    }

    /** Command-line values (null when not given) go in as OpenSSH gives them precedence. */
    static HostConfig evaluate(String destination, String user, Integer port, List<Path> identities, String jump,
            boolean compression, boolean forwardAgent, List<String> options, String configFile) throws SshException {
        SshConfigEvaluator e = new SshConfigEvaluator().destination(destination);
        if (user != null) {
            e.user(user);
        }
        if (port != null) {
            e.port(port);
        }
        for (Path id : identities) {
            e.option("IdentityFile=" + id);
        }
        if (jump != null) {
            e.option("ProxyJump=" + jump);
        }
        if (compression) {
            e.option("Compression=yes");
        }
        if (forwardAgent) {
            e.option("ForwardAgent=yes");
        }
        for (String o : options) {
            e.option(o);
        }
        if (configFile != null) {
            e.configFile(configFile);
        }
        return e.evaluate();
    }

    /** A ProxyJump hop's own configuration, from the same config files (as {@code ssh -J} does). */
    static HostConfig hop(Destination hop, String configFile) {
        SshConfigEvaluator e = new SshConfigEvaluator().destination(hop.format());
        if (configFile != null) {
            e.configFile(configFile);
        }
        try {
            return e.evaluate();
        } catch (SshException ex) {
            throw new IllegalArgumentException("jump host " + hop.format() + ": " + ex.getMessage(), ex);
        }
    }
}
