package dev.skiff.ssh.transport.crypto;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw symmetric key that, unlike {@link javax.crypto.spec.SecretKeySpec} on Java 17, can be
 * wiped: {@link #destroy()} zeroes the only copy this object holds. Copies made by a JCA provider
 * during {@code init} (expanded AES round keys, HMAC pads) are beyond our reach; they die with the
 * {@code Cipher} / {@code Mac} object when the protection is dropped after a rekey.
 */
final class SessionKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] key;
    private volatile boolean destroyed;

    /** Copies {@code source[off, off+len)}. */
    SessionKey(String algorithm, byte[] source, int off, int len) {
        this.algorithm = algorithm;
        this.key = Arrays.copyOfRange(source, off, off + len);
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    /** A fresh copy of the key; the provider owns (and may keep) the copy. */
    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        return key.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "SessionKey[" + algorithm + ", " + key.length + " bytes]";
    }

    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("session keys are never serialized");
    }
}
