package dev.skiff.ssh;

import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.transport.TransportConfig;
import java.util.Objects;

/** Immutable client settings: transport settings and the host key verifier. */
public record SshClientConfig(TransportConfig transport, HostKeyVerifier hostKeyVerifier) {
    public SshClientConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(hostKeyVerifier, "hostKeyVerifier");
    }

    public static SshClientConfig of(TransportConfig transport, HostKeyVerifier verifier) {
        return new SshClientConfig(transport, verifier);
    }

    /** OpenSSH-like default transport settings with {@code verifier} (for front ends that need no tuning). */
    public static SshClientConfig defaults(HostKeyVerifier verifier) {
        return new SshClientConfig(TransportConfig.builder().build(), verifier);
    }
}
