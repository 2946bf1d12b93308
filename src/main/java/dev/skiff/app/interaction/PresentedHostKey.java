package dev.skiff.app.interaction;

import dev.skiff.ssh.keys.KeyFingerprints;
import dev.skiff.ssh.keys.SshPublicKey;
import java.util.Objects;

/**
 * The host key a server presented, as the user sees it. Immutable.
 *
 * @param host the host name as the user gave it
 * @param port the TCP port
 * @param keyType e.g. {@code ssh-ed25519}
 * @param bits key size as {@code ssh-keygen -l} prints it
 * @param fingerprint {@code SHA256:...}
 * @param randomArt the visual fingerprint of {@code ssh-keygen -lv} (11 lines)
 */
public record PresentedHostKey(String host, int port, String keyType, int bits, String fingerprint, String randomArt) {
    public PresentedHostKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(randomArt, "randomArt");
    }

    public static PresentedHostKey of(String host, int port, SshPublicKey key) {
        return new PresentedHostKey(host, port, key.keyType(), KeyFingerprints.bits(key), key.sha256Fingerprint(),
                KeyFingerprints.randomArt(key));
    }

    /** {@code host} on port 22, otherwise {@code host port N}. */
    public String displayName() {
        return port == 22 ? host : host + " port " + port;
    }
}
