package dev.skiff.ssh.config;

import dev.skiff.ssh.keys.PassphraseProvider;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.userauth.BannerListener;
import dev.skiff.ssh.userauth.KeyboardInteractiveHandler;
import dev.skiff.ssh.userauth.PasswordProvider;

/**
 * What {@link HostConnector} needs from its front end (the CLI's terminal, the app's dialogs): the
 * host key decision, passwords, passphrases, keyboard-interactive answers, banners, warnings and
 * progress. Every method is called on the connecting worker thread, never on a transport reader
 * thread; the question methods may block while the user answers.
 */
public interface ConnectInteraction extends PasswordProvider, KeyboardInteractiveHandler, BannerListener,
        PassphraseProvider {

    /** The verifier for {@code cfg}'s host (the CLI: known_hosts per StrictHostKeyChecking). */
    HostKeyVerifier hostKeyVerifier(HostConfig cfg);

    /** A non-fatal problem worth telling the user ("Identity file ... not accessible"). */
    void warn(String message);

    /** The attempt moved on to {@code step} for {@code host} (a jump host or the target). Default: ignored. */
    default void progress(ConnectStep step, String host) {
    }

    /** The stages of a connection attempt, in order. */
    enum ConnectStep {
        /** TCP connect, version exchange and key exchange. */
        CONNECTING,
        /** Host key verified; user authentication running. */
        AUTHENTICATING
    }
}
