package dev.skiff.cli;

import dev.skiff.ssh.keys.PublicKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

/** Key type checks and defaults of {@code skiff keygen}. */
final class KeygenFiles {
    private KeygenFiles() {
    }

    /** The key type for -t and -b, as ssh-keygen checks them. */
    static String keyType(String type, int bits) {
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "ed25519":
                return PublicKeys.SSH_ED25519;
            case "ecdsa":
                if (bits == 0 || bits == 256 || bits == 384 || bits == 521) {
                    return "ecdsa-sha2-nistp" + (bits == 0 ? 256 : bits);
                }
                throw new KeygenException("invalid ECDSA key length: must be 256, 384 or 521 bits");
            case "rsa":
                if (bits != 0 && bits < PublicKeys.MIN_RSA_BITS) {
                    throw new KeygenException("invalid RSA key length: minimum is " + PublicKeys.MIN_RSA_BITS + " bits");
                }
                if (bits > 16384) {
                    throw new KeygenException("invalid RSA key length: maximum is 16384 bits");
                }
                return PublicKeys.SSH_RSA;
            default:
                throw new KeygenException("unknown key type " + type + " (use ed25519, ecdsa or rsa)");
        }
    }

    static Path defaultFile(String type) {
        return Path.of(System.getProperty("user.home"), ".ssh", "id_" + type.toLowerCase(java.util.Locale.ROOT));
    }

    static String defaultComment() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name") + "@" + host;
    }
}
