package dev.skiff.ssh.server;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * The method fields of a {@code publickey} USERAUTH_REQUEST (RFC 4252 section 7): boolean has
 * signature, string algorithm, string key blob, [string signature], and the server's checks of
 * them: a known algorithm that fits the key type, a key that decodes, and a signature over
 * {@code string session id || byte 50 || string user || string service || string "publickey" ||
 * boolean TRUE || string algorithm || string blob} made with that algorithm.
 */
record PublicKeyCheck(boolean signed, String algorithm, byte[] blob, byte[] signature) {
    static PublicKeyCheck decode(byte[] fields) throws ProtocolException {
        WireReader r = new WireReader(fields);
        boolean signed = r.bool();
        String alg = r.ascii();
        byte[] blob = r.string();
        byte[] sig = signed ? r.string() : null;
        r.expectEnd();
        return new PublicKeyCheck(signed, alg, blob, sig);
    }

    /**
     * The algorithm, when the server accepts it for this key: SHA-1 {@code ssh-rsa} signatures are
     * refused like OpenSSH 8.8+ does by default. Null when refused.
     */
    SignatureAlgorithm acceptedAlgorithm() {
        SignatureAlgorithm a = SignatureAlgorithm.byName(algorithm).orElse(null);
        return a == null || a == SignatureAlgorithm.SSH_RSA ? null : a;
    }

    /** The decoded key when it matches the algorithm's key type; null otherwise. */
    SshPublicKey key() {
        SignatureAlgorithm a = acceptedAlgorithm();
        if (a == null) {
            return null;
        }
        try {
            SshPublicKey k = SshPublicKey.decode(blob);
            return k.keyType().equals(a.keyType()) ? k : null;
        } catch (KeyFormatException e) {
            return null;
        }
    }

    /** Whether the signature is valid for {@code key} over this request in session {@code sessionId}. */
    boolean verify(SshPublicKey key, byte[] sessionId, String user, String service) {
        byte[] data = new WireWriter(512 + blob.length).string(sessionId).byteValue(SshMessages.USERAUTH_REQUEST)
                .utf8(user).utf8(service).utf8("publickey").bool(true).utf8(algorithm).string(blob).toByteArray();
        try {
            return signed && acceptedAlgorithm().verify(key, data, signature);
        } catch (KeyFormatException e) {
            return false;
        }
    }
}
