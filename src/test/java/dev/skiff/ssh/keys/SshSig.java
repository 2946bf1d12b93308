package dev.skiff.ssh.keys;

import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Test helper for OpenSSH's SSHSIG format (PROTOCOL.sshsig), used only to exchange signatures with
 * {@code ssh-keygen -Y sign / check-novalidate}: a signature over
 * {@code "SSHSIG" || string namespace || string reserved || string hash_alg || string H(message)}.
 */
final class SshSig {
    static final String MAGIC = "SSHSIG";

    /** Parsed fields of an armored signature file. */
    record Parsed(byte[] publicKey, String namespace, String hashAlgorithm, byte[] signature) {
    }

    private SshSig() {
    }

    static byte[] signedData(String namespace, String hashAlgorithm, byte[] message) throws Exception {
        String jca = hashAlgorithm.equals("sha512") ? "SHA-512" : "SHA-256";
        byte[] h = MessageDigest.getInstance(jca).digest(message);
        return new WireWriter().raw(MAGIC.getBytes(StandardCharsets.US_ASCII)).utf8(namespace).utf8("")
                .utf8(hashAlgorithm).string(h).toByteArray();
    }

    static Parsed parse(String armored) throws Exception {
        String body = armored.replace("-----BEGIN SSH SIGNATURE-----", "").replace("-----END SSH SIGNATURE-----", "")
                .replaceAll("\\s", "");
        WireReader r = new WireReader(Base64.getDecoder().decode(body));
        if (!new String(r.rawBytes(6), StandardCharsets.US_ASCII).equals(MAGIC) || r.uint32() != 1) {
            throw new IllegalArgumentException("not an SSHSIG v1 blob");
        }
        byte[] publicKey = r.string();
        String namespace = r.utf8();
        r.string();
        String hash = r.utf8();
        byte[] sig = r.string();
        r.expectEnd();
        return new Parsed(publicKey, namespace, hash, sig);
    }

    static String armor(byte[] publicKey, String namespace, String hashAlgorithm, byte[] signature) {
        byte[] blob = new WireWriter().raw(MAGIC.getBytes(StandardCharsets.US_ASCII)).uint32(1).string(publicKey)
                .utf8(namespace).utf8("").utf8(hashAlgorithm).string(signature).toByteArray();
        String b64 = Base64.getEncoder().encodeToString(blob);
        StringBuilder sb = new StringBuilder("-----BEGIN SSH SIGNATURE-----\n");
        for (int i = 0; i < b64.length(); i += 70) {
            sb.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
        }
        return sb.append("-----END SSH SIGNATURE-----\n").toString();
    }
}
