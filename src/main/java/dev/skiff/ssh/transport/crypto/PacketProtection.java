package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.ProtocolException;

/**
 * Encryption and integrity of one direction of the binary packet protocol (RFC 4253 section 6),
 * for one set of keys. Implementations: none, cipher + MAC (encrypt-and-MAC and encrypt-then-MAC),
 * AES-GCM (RFC 5647 as in OpenSSH), chacha20-poly1305@openssh.com.
 *
 * <p>Packet layout handed to {@link #seal}: {@code uint32 packet_length, byte padding_length,
 * payload, padding}, followed by {@link #macLength()} spare bytes for the MAC or tag.
 * Used by one thread at a time (the transport's send lock, or the reader thread).
 */
public interface PacketProtection {
    /** Padding alignment: the cipher block size, at least 8. */
    int blockSize();

    /** Bytes appended to each packet: MAC or AEAD tag; 0 for none. */
    int macLength();

    /**
     * True when the 4-byte packet length is outside the padding alignment (ETM MACs and AEAD
     * ciphers, where the length is sent in the clear or encrypted separately).
     */
    boolean lengthExcludedFromAlignment();

    /** Bytes to read before {@link #packetLength} can be called (4, or the cipher block size). */
    int firstBlockLength();

    /**
     * Encrypts in place and writes the MAC/tag. {@code buf[off, off+len)} is the plaintext packet
     * beginning with packet_length; {@code buf[off+len, off+len+macLength())} receives the tag.
     */
    void seal(int seq, byte[] buf, int off, int len);

    /**
     * Returns packet_length from the first {@link #firstBlockLength()} received bytes at
     * {@code buf[off]}. May decrypt those bytes in place (CBC/CTR without ETM); {@link #open}
     * knows. Does not check bounds of the returned value (the codec does).
     */
    int packetLength(int seq, byte[] buf, int off) throws ProtocolException;

    /**
     * Verifies and decrypts the rest of the packet in place. {@code buf[off, off+4+packetLength)}
     * is the packet as received (after {@link #packetLength}), followed by the MAC/tag. On return
     * {@code buf[off+4, off+4+packetLength)} is plaintext.
     *
     * @throws ProtocolException with reason MAC_ERROR when authentication fails
     */
    void open(int seq, byte[] buf, int off, int packetLength) throws ProtocolException;

    /** Wipes key material. */
    void destroy();
}
