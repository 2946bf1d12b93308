package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * One private key inside the private section of an openssh-key-v1 file (OpenSSH
 * {@code PROTOCOL.key}; field order as OpenSSH's {@code sshkey_private_serialize}):
 * <pre>
 * string keytype, then
 *   ssh-ed25519:          string pk (32), string sk (64 = seed || pk)
 *   ecdsa-sha2-nistpNNN:  string curve, string Q, mpint d
 *   ssh-rsa:              mpint n, mpint e, mpint d, mpint iqmp, mpint p, mpint q
 * string comment
 * </pre>
 */
final class OpenSshPrivateSection {
    private OpenSshPrivateSection() {
    }

    static SshKeyPair read(WireReader r) throws KeyFormatException, ProtocolException {
        String type = r.ascii();
        SshKeyPair pair;
        if (type.equals(PublicKeys.SSH_ED25519)) {
            byte[] pk = r.string();
            byte[] sk = r.string();
            if (sk.length != 64 || pk.length != 32) {
                throw new KeyFormatException("invalid ssh-ed25519 private key lengths");
            }
            byte[] seed = Arrays.copyOf(sk, 32);
            pair = PrivateKeys.ed25519(seed, "");
            Arrays.fill(seed, (byte) 0);
            byte[] expected = PublicKeys.decode(new WireWriter(64).utf8(type).string(pk).toByteArray()).blob();
            boolean skHoldsPk = MessageDigest.isEqual(Arrays.copyOfRange(sk, 32, 64), pk);
            Arrays.fill(sk, (byte) 0);
            if (!skHoldsPk || !Arrays.equals(expected, pair.publicKey().blob())) {
                throw new KeyFormatException("ssh-ed25519 public key does not match the private key");
            }
        } else if (type.equals(PublicKeys.SSH_RSA)) {
            BigInteger n = r.mpint();
            BigInteger e = r.mpint();
            BigInteger d = r.mpint();
            r.mpint(); // iqmp: recomputed from p and q
            BigInteger p = r.mpint();
            BigInteger q = r.mpint();
            pair = PrivateKeys.rsa(n, e, d, p, q, "");
        } else if (type.startsWith("ecdsa-sha2-")) {
            EcCurve curve = EcCurve.bySshName(type.substring("ecdsa-sha2-".length()))
                    .orElseThrow(() -> new KeyFormatException("unsupported key type " + type));
            if (!r.ascii().equals(curve.sshName())) {
                throw new KeyFormatException("curve name does not match key type " + type);
            }
            byte[] q = r.string();
            pair = PrivateKeys.ecdsa(curve, r.mpint(), q, "");
        } else {
            throw new KeyFormatException("unsupported key type " + type);
        }
        return pair.withComment(r.utf8());
    }

    static void write(WireWriter w, SshKeyPair pair) throws KeyFormatException {
        SshPublicKey pub = pair.publicKey();
        WireReader blob = new WireReader(pub.blob());
        try {
            blob.ascii();
            String type = pub.keyType();
            w.utf8(type);
            if (pair.privateKey() instanceof EdECPrivateKey ed && type.equals(PublicKeys.SSH_ED25519)) {
                byte[] pk = blob.string();
                byte[] seed = ed.getBytes().orElseThrow(() -> new KeyFormatException("Ed25519 private key has no seed"));
                byte[] sk = Arrays.copyOf(seed, 64);
                System.arraycopy(pk, 0, sk, 32, 32);
                w.string(pk).string(sk);
                Arrays.fill(seed, (byte) 0);
                Arrays.fill(sk, (byte) 0);
            } else if (pair.privateKey() instanceof ECPrivateKey ec && type.startsWith("ecdsa-sha2-")) {
                w.utf8(blob.ascii()).string(blob.string()).mpint(ec.getS());
            } else if (pair.privateKey() instanceof RSAPrivateCrtKey rsa && type.equals(PublicKeys.SSH_RSA)) {
                RSAPublicKey rpub = (RSAPublicKey) pub.jcaKey();
                w.mpint(rpub.getModulus()).mpint(rpub.getPublicExponent()).mpint(rsa.getPrivateExponent())
                        .mpint(rsa.getCrtCoefficient()).mpint(rsa.getPrimeP()).mpint(rsa.getPrimeQ());
            } else {
                throw new KeyFormatException("cannot write a " + pair.privateKey().getAlgorithm() + " private key as " + type);
            }
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed public key blob", e);
        }
        w.utf8(pair.comment());
    }
}
