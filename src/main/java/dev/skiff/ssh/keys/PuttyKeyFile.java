package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * PuTTY private key files, versions 2 and 3 (PuTTY manual appendix C, "PPK file format"):
 * <pre>
 * PuTTY-User-Key-File-N: keytype
 * Encryption: none | aes256-cbc
 * Comment: text
 * Public-Lines: n          (base64 public key blob)
 * [v3, encrypted: Key-Derivation: Argon2id|Argon2i|Argon2d, Argon2-Memory, -Passes, -Parallelism, -Salt]
 * Private-Lines: m         (base64 private blob, encrypted when Encryption is not none)
 * Private-MAC: hex         (HMAC over string keytype, encryption, comment, public blob, private blob)
 * </pre>
 * Private blobs: ssh-rsa {@code mpint d, p, q, iqmp}; ssh-ed25519 {@code string seed};
 * ecdsa {@code mpint d}; padded to the cipher block. Keys and MAC: see {@link PuttyKeyDerivation}.
 * A MAC mismatch means a wrong passphrase or a modified file.
 */
final class PuttyKeyFile implements LockedKey {
    static final String HEADER_PREFIX = "PuTTY-User-Key-File-";

    private final int version;
    private final String keyType;
    private final boolean encrypted;
    private final String comment;
    private final SshPublicKey publicKey;
    private final byte[] privateBlob;
    private final byte[] mac;
    private final PuttyKeyDerivation.Argon2Params argon2;

    private PuttyKeyFile(PuttyText t) throws KeyFormatException {
        String first = t.header();
        this.version = switch (first) {
            case HEADER_PREFIX + "2" -> 2;
            case HEADER_PREFIX + "3" -> 3;
            default -> throw new KeyFormatException("unsupported PuTTY key file version (" + first + ")");
        };
        this.keyType = t.value();
        String encryption = t.field("Encryption");
        if (!encryption.equals("none") && !encryption.equals("aes256-cbc")) {
            throw new KeyFormatException("unsupported PuTTY key encryption " + encryption);
        }
        this.encrypted = !encryption.equals("none");
        this.comment = t.field("Comment");
        this.publicKey = PublicKeys.decode(t.base64("Public-Lines"));
        if (!publicKey.keyType().equals(keyType)) {
            throw new KeyFormatException("PuTTY key type " + keyType + " does not match its public key");
        }
        this.argon2 = version == 3 && encrypted ? PuttyKeyDerivation.Argon2Params.read(t) : null;
        this.privateBlob = t.base64("Private-Lines");
        this.mac = t.hex("Private-MAC");
        t.expectEnd();
        if (encrypted && (privateBlob.length == 0 || privateBlob.length % 16 != 0)) {
            throw new KeyFormatException("PuTTY private blob is not a whole number of cipher blocks");
        }
    }

    static PuttyKeyFile parse(String text) throws KeyFormatException {
        return new PuttyKeyFile(new PuttyText(text));
    }

    @Override
    public boolean encrypted() {
        return encrypted;
    }

    @Override
    public SshPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String publicComment() {
        return comment;
    }

    @Override
    public SshKeyPair unlock(char[] passphrase) throws KeyFormatException {
        byte[] pass = encrypted ? Passphrases.utf8(passphrase) : new byte[0];
        PuttyKeyDerivation keys = version == 2 ? PuttyKeyDerivation.v2(pass, encrypted) : PuttyKeyDerivation.v3(pass, argon2);
        Passphrases.wipe(pass);
        byte[] plain = encrypted ? keys.decrypt(privateBlob) : privateBlob.clone();
        try {
            byte[] macData = new WireWriter(plain.length + 1024).utf8(keyType).utf8(encrypted ? "aes256-cbc" : "none")
                    .utf8(comment).string(publicKey.blob()).string(plain).toByteArray();
            if (!MessageDigest.isEqual(keys.mac(macData), mac)) {
                throw encrypted ? new WrongPassphraseException("incorrect passphrase (PuTTY key MAC mismatch)")
                        : new KeyFormatException("PuTTY key file is corrupt (MAC mismatch)");
            }
            return decodePrivate(plain).withComment(comment);
        } finally {
            Passphrases.wipe(plain);
            keys.wipe();
        }
    }

    private SshKeyPair decodePrivate(byte[] plain) throws KeyFormatException {
        try {
            WireReader r = new WireReader(plain);
            SshKeyPair pair;
            if (keyType.equals(PublicKeys.SSH_RSA)) {
                RSAPublicKey pub = (RSAPublicKey) publicKey.jcaKey();
                BigInteger d = r.mpint();
                BigInteger p = r.mpint();
                BigInteger q = r.mpint();
                r.mpint(); // iqmp: recomputed
                pair = PrivateKeys.rsa(pub.getModulus(), pub.getPublicExponent(), d, p, q, "");
            } else if (keyType.equals(PublicKeys.SSH_ED25519)) {
                byte[] seed = r.string();
                pair = PrivateKeys.ed25519(seed, "");
                Passphrases.wipe(seed);
            } else {
                EcCurve curve = EcCurve.bySshName(keyType.substring("ecdsa-sha2-".length()))
                        .orElseThrow(() -> new KeyFormatException("unsupported key type " + keyType));
                WireReader pubBlob = new WireReader(publicKey.blob());
                pubBlob.ascii();
                pubBlob.ascii();
                pair = PrivateKeys.ecdsa(curve, r.mpint(), pubBlob.string(), "");
            }
            if (r.remaining() >= 16) {
                throw new KeyFormatException("unexpected data after the PuTTY private key");
            }
            if (!pair.publicKey().equals(publicKey)) {
                throw new KeyFormatException("PuTTY public and private key do not match");
            }
            return pair;
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed PuTTY private key: " + e.getMessage(), e);
        }
    }

    static boolean looksLike(byte[] content) {
        byte[] prefix = HEADER_PREFIX.getBytes(StandardCharsets.US_ASCII);
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
