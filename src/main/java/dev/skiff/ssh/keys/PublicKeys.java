package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Decoding and encoding of SSH public key blobs (RFC 4253 section 6.6) and OpenSSH one-line public
 * keys. Blob layouts:
 * <ul>
 * <li>{@code ssh-ed25519}: string "ssh-ed25519", string key (32 bytes) — RFC 8709 section 4</li>
 * <li>{@code ecdsa-sha2-nistpNNN}: string type, string curve id, string Q (uncompressed) — RFC 5656 section 3.1</li>
 * <li>{@code ssh-rsa}: string "ssh-rsa", mpint e, mpint n — RFC 4253 section 6.6</li>
 * </ul>
 * All methods are pure and thread-safe.
 */
public final class PublicKeys {
    /** Smallest RSA modulus accepted, in bits (as OpenSSH's SSH_RSA_MINIMUM_MODULUS_SIZE). */
    public static final int MIN_RSA_BITS = 1024;
    public static final String SSH_ED25519 = "ssh-ed25519";
    public static final String SSH_RSA = "ssh-rsa";

    private PublicKeys() {
    }

    /** Decodes and validates a public key blob. */
    public static SshPublicKey decode(byte[] blob) throws KeyFormatException {
        try {
            WireReader r = new WireReader(blob);
            String type = r.ascii();
            PublicKey key;
            if (type.equals(SSH_ED25519)) {
                key = Ed25519Codec.decode(r.string());
            } else if (type.equals(SSH_RSA)) {
                key = decodeRsa(r.mpint(), r.mpint());
            } else if (type.startsWith("ecdsa-sha2-")) {
                EcCurve curve = EcCurve.bySshName(type.substring("ecdsa-sha2-".length()))
                        .orElseThrow(() -> new KeyFormatException("unsupported key type " + type));
                String curveId = r.ascii();
                if (!curveId.equals(curve.sshName())) {
                    throw new KeyFormatException("curve " + curveId + " does not match key type " + type);
                }
                key = curve.toPublicKey(curve.decodePoint(r.string()));
            } else {
                throw new KeyFormatException("unsupported key type " + type);
            }
            r.expectEnd();
            return new PublicKeyBlob(type, blob, key);
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed public key blob: " + e.getMessage(), e);
        }
    }

    private static PublicKey decodeRsa(BigInteger e, BigInteger n) throws KeyFormatException {
        if (e.signum() <= 0 || !e.testBit(0) || e.equals(BigInteger.ONE) || n.signum() <= 0 || !n.testBit(0)) {
            throw new KeyFormatException("invalid ssh-rsa key parameters");
        }
        if (n.bitLength() < MIN_RSA_BITS) {
            throw new KeyFormatException("ssh-rsa modulus too small: " + n.bitLength() + " bits");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new KeyFormatException("JCA rejected the ssh-rsa key", ex);
        }
    }

    /** Wraps a JCA public key (EdEC Ed25519, EC on P-256/384/521, RSA). */
    public static SshPublicKey fromJca(PublicKey key) throws KeyFormatException {
        WireWriter w = new WireWriter();
        if (key instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            w.utf8(SSH_ED25519).string(Ed25519Codec.encode(ed));
        } else if (key instanceof ECPublicKey ec) {
            EcCurve curve = EcCurve.of(ec.getParams())
                    .orElseThrow(() -> new KeyFormatException("unsupported EC curve"));
            w.utf8(curve.keyType()).utf8(curve.sshName()).string(curve.encodePoint(ec.getW()));
        } else if (key instanceof RSAPublicKey rsa) {
            w.utf8(SSH_RSA).mpint(rsa.getPublicExponent()).mpint(rsa.getModulus());
        } else {
            throw new KeyFormatException("unsupported public key: " + key.getAlgorithm());
        }
        return decode(w.toByteArray());
    }

    /**
     * Parses {@code keytype base64 [comment]} (a .pub file line or the key part of a known_hosts
     * line). The type field must match the type inside the blob.
     */
    public static SshPublicKey parseOpenSsh(String line) throws KeyFormatException {
        String[] parts = line.strip().split("[ \t]+", 3);
        if (parts.length < 2) {
            throw new KeyFormatException("expected 'keytype base64 [comment]'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("invalid base64 in public key", e);
        }
        SshPublicKey key = decode(blob);
        if (!key.keyType().equals(parts[0])) {
            throw new KeyFormatException("key type " + parts[0] + " does not match blob type " + key.keyType());
        }
        return key;
    }
}
