package dev.skiff.ssh.agent;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.keys.PublicKeys;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;

/**
 * The key-type specific private key fields of SSH_AGENTC_ADD_IDENTITY (draft-miller-ssh-agent,
 * "Adding keys to the agent"), i.e. everything between the key type string and the comment:
 * <ul>
 * <li>ssh-ed25519: {@code string ENC(A), string k || ENC(A)} (32-byte seed then public key)</li>
 * <li>ecdsa-sha2-*: {@code string curve name, string Q, mpint d}</li>
 * <li>ssh-rsa: {@code mpint n, mpint e, mpint d, mpint iqmp, mpint p, mpint q}</li>
 * </ul>
 * Results are secret: callers wipe them after use.
 */
final class PrivateKeyFields {
    private static final int ED25519_BYTES = 32;

    private PrivateKeyFields() {
    }

    /** Encodes the private fields of {@code pair}. */
    static byte[] encode(SshKeyPair pair) throws KeyFormatException {
        PrivateKey key = pair.privateKey();
        WireWriter w = new WireWriter(1024);
        try {
            WireReader pub = new WireReader(pair.publicKey().blob());
            String type = pub.ascii();
            if (type.equals(PublicKeys.SSH_ED25519) && key instanceof EdECPrivateKey ed) {
                byte[] a = pub.string();
                byte[] seed = ed.getBytes().orElseThrow(() -> new KeyFormatException("Ed25519 private key has no seed"));
                if (seed.length != ED25519_BYTES || a.length != ED25519_BYTES) {
                    throw new KeyFormatException("unexpected Ed25519 key length");
                }
                byte[] both = new byte[2 * ED25519_BYTES];
                System.arraycopy(seed, 0, both, 0, ED25519_BYTES);
                System.arraycopy(a, 0, both, ED25519_BYTES, ED25519_BYTES);
                w.string(a).string(both);
                Arrays.fill(seed, (byte) 0);
                Arrays.fill(both, (byte) 0);
            } else if (type.startsWith("ecdsa-sha2-") && key instanceof ECPrivateKey ec) {
                w.string(pub.string()).string(pub.string()).mpint(ec.getS());
            } else if (type.equals(PublicKeys.SSH_RSA) && key instanceof RSAPrivateCrtKey rsa) {
                w.mpint(rsa.getModulus()).mpint(rsa.getPublicExponent()).mpint(rsa.getPrivateExponent())
                        .mpint(rsa.getCrtCoefficient()).mpint(rsa.getPrimeP()).mpint(rsa.getPrimeQ());
            } else {
                throw new KeyFormatException("cannot add a " + type + " key held as " + key.getAlgorithm()
                        + " (" + key.getClass().getSimpleName() + ") to an agent");
            }
            return w.toByteArray();
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed public key blob", e);
        } finally {
            w.wipe();
        }
    }

    /**
     * Reads past the private fields of a {@code keyType} key, checking their structure.
     *
     * @throws ProtocolException for a key type not listed above, or truncated fields
     */
    static void skip(String keyType, WireReader r) throws ProtocolException {
        if (keyType.equals(PublicKeys.SSH_ED25519)) {
            r.string();
            r.string();
        } else if (keyType.startsWith("ecdsa-sha2-")) {
            r.ascii();
            r.string();
            r.mpint();
        } else if (keyType.equals(PublicKeys.SSH_RSA)) {
            for (int i = 0; i < 6; i++) {
                r.mpint();
            }
        } else {
            throw new ProtocolException("unsupported key type in ADD_IDENTITY: " + keyType);
        }
    }
}
