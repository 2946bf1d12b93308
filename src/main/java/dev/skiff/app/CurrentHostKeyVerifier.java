package dev.skiff.app;

import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.util.List;
import java.util.Objects;

/**
 * The app's host key verifier, replaced when the user chooses another known_hosts file to save in
 * (Preferences): connections started afterwards use the new one. Thread-safe.
 */
final class CurrentHostKeyVerifier implements HostKeyVerifier {
    private volatile HostKeyVerifier current;

    CurrentHostKeyVerifier(HostKeyVerifier first) {
        current = Objects.requireNonNull(first);
    }

    void set(HostKeyVerifier next) {
        current = Objects.requireNonNull(next);
    }

    HostKeyVerifier get() {
        return current;
    }

    @Override
    public void verify(String host, int port, SshPublicKey key) throws HostKeyRejectedException {
        current.verify(host, port, key);
    }

    @Override
    public List<String> knownKeyTypes(String host, int port) {
        return current.knownKeyTypes(host, port);
    }
}
