package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.security.PrivateKey;

/** Signature creation and verification behind {@link SignatureAlgorithm}. */
final class Signatures {
    private Signatures() {
    }

    static boolean verify(SignatureAlgorithm alg, SshPublicKey key, byte[] data, byte[] signatureBlob) throws KeyFormatException {
        throw new UnsupportedOperationException("TODO");
    }

    static byte[] sign(SignatureAlgorithm alg, PrivateKey key, byte[] data) throws KeyFormatException {
        throw new UnsupportedOperationException("TODO");
    }
}
