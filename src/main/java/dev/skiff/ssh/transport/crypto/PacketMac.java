package dev.skiff.ssh.transport.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * The SSH packet MAC (RFC 4253 section 6.4): {@code mac = MAC(key, uint32 sequence_number ||
 * data)}, where data is the plaintext packet (encrypt-and-MAC) or the clear length followed by the
 * ciphertext (OpenSSH encrypt-then-MAC). HMAC from the JCA; tags compared in constant time.
 */
final class PacketMac {
    private final SessionKey key;
    private final Mac mac;
    private final byte[] seqBytes = new byte[4];
    private final byte[] computed;
    private final byte[] received;

    PacketMac(MacAlgorithm algorithm, byte[] macKey) {
        this.key = new SessionKey(algorithm.jcaName(), macKey, 0, macKey.length);
        this.mac = Packets.mac(algorithm.jcaName());
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable MAC key for " + algorithm.wireName(), e);
        }
        this.computed = new byte[algorithm.macLength()];
        this.received = new byte[algorithm.macLength()];
    }

    int length() {
        return computed.length;
    }

    /** Writes the MAC of {@code seq || buf[off, off+len)} to {@code out[outOff]}. */
    void write(int seq, byte[] buf, int off, int len, byte[] out, int outOff) {
        Packets.writeUint32(seq, seqBytes, 0);
        mac.update(seqBytes);
        mac.update(buf, off, len);
        try {
            mac.doFinal(out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAC output does not fit", e);
        }
    }

    /** True when {@code buf[tagOff, tagOff+length())} is the MAC of {@code seq || buf[off, off+len)}. */
    boolean verify(int seq, byte[] buf, int off, int len, int tagOff) {
        write(seq, buf, off, len, computed, 0);
        System.arraycopy(buf, tagOff, received, 0, received.length);
        return MessageDigest.isEqual(computed, received);
    }

    void destroy() {
        key.destroy();
        mac.reset();
        Arrays.fill(computed, (byte) 0);
    }
}
