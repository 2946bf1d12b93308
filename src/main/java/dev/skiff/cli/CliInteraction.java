package dev.skiff.cli;

import dev.skiff.cli.term.Secrets;
import dev.skiff.ssh.config.ConnectInteraction;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.knownhosts.KnownHostsVerifier;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.knownhosts.UnknownHostPrompt;
import dev.skiff.ssh.userauth.Prompt;
import dev.skiff.ssh.userauth.UntrustedText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal side of the callback SPIs for {@code skiff ssh}: passwords, passphrases,
 * keyboard-interactive rounds, banners and unknown host keys, asked on the controlling terminal
 * or through SSH_ASKPASS like OpenSSH. In batch mode nothing is asked (every question is a "no").
 * Server text is shown with control characters made visible.
 */
final class CliInteraction implements ConnectInteraction, UnknownHostPrompt {
    private final Map<String, String> env;
    private final PrintWriter err;
    private final boolean batch;
    private final boolean quiet;

    CliInteraction(Map<String, String> env, PrintWriter err, boolean batch, boolean quiet) {
        this.env = env;
        this.err = err;
        this.batch = batch;
        this.quiet = quiet;
    }

    @Override
    public char[] password(String user, String host, int attempt) {
        return ask(user + "@" + host + "'s password: ");
    }

    @Override
    public char[] passphrase(String keyDescription, int attempt) {
        if (attempt > 1) {
            warn("Bad passphrase, try again for " + keyDescription);
        }
        return ask("Enter passphrase for key '" + keyDescription + "': ");
    }

    @Override
    public char[][] answer(String user, String host, String name, String instruction, List<Prompt> prompts) {
        information(user, host, name, instruction);
        char[][] answers = new char[prompts.size()][];
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            String text = UntrustedText.visible(p.text());
            if (p.echo()) {
                String line = askVisible(text);
                if (line == null) {
                    return null;
                }
                answers[i] = line.toCharArray();
            } else {
                answers[i] = ask(text);
                if (answers[i] == null) {
                    return null;
                }
            }
        }
        return answers;
    }

    @Override
    public void information(String user, String host, String name, String instruction) {
        if (!name.isEmpty()) {
            warn(UntrustedText.visible(name));
        }
        if (!instruction.isEmpty()) {
            warn(UntrustedText.visible(instruction));
        }
    }

    @Override
    public void banner(String text) {
        if (!quiet) {
            err.print(UntrustedText.visible(text));
            err.flush();
        }
    }

    @Override
    public boolean acceptNewKey(String host, int port, SshPublicKey key) {
        if (batch) {
            return false;
        }
        String name = port == 22 ? host : "[" + host + "]:" + port;
        warn("The authenticity of host '" + name + "' can't be established.");
        warn(key.keyType().replace("ssh-", "").replaceAll("-sha2-nistp\\d+", "").toUpperCase(Locale.ROOT)
                + " key fingerprint is " + key.sha256Fingerprint() + ".");
        while (true) {
            String answer = askVisible("Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
            if (answer == null) {
                return false;
            }
            String a = answer.trim();
            if (a.equalsIgnoreCase("yes") || a.equals(key.sha256Fingerprint())) {
                return true;
            }
            if (a.equalsIgnoreCase("no")) {
                return false;
            }
            warn("Please type 'yes', 'no' or the fingerprint: ");
        }
    }

    /** known_hosts files and StrictHostKeyChecking from {@code cfg}, unknown keys asked on the terminal. */
    @Override
    public HostKeyVerifier hostKeyVerifier(HostConfig cfg) {
        List<Path> known = new ArrayList<>(cfg.userKnownHostsFiles());
        known.addAll(cfg.globalKnownHostsFiles());
        return new KnownHostsVerifier(known, cfg.strictHostKeyChecking(), this, cfg.hashKnownHosts());
    }

    private char[] ask(String prompt) {
        if (batch) {
            return null;
        }
        try {
            return Secrets.ask(prompt, env);
        } catch (IOException e) {
            warn(e.getMessage());
            return null;
        }
    }

    private String askVisible(String prompt) {
        if (batch) {
            return null;
        }
        try {
            return Secrets.askVisible(prompt, env);
        } catch (IOException e) {
            warn(e.getMessage());
            return null;
        }
    }

    @Override
    public void warn(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
