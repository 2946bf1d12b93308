package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.util.Arrays;

/**
 * AES-CTR (RFC 4344 section 4) with a classic encrypt-and-MAC HMAC (RFC 4253 section 6.4).
 *
 * <p>Wire layout: {@code AES-CTR(uint32 packet_length || padding_length || payload || padding)}
 * followed by {@code HMAC(key, uint32 seq || plaintext packet)}. One CTR stream runs across all
 * packets of this key set. {@link #packetLength} decrypts the first 16-byte block in place (the
 * length must be known before the rest arrives); {@link #open} decrypts the rest, then checks the
 * MAC. On a MAC failure the decrypted bytes are wiped before the exception is thrown.
 */
final class CipherMacProtection implements PacketProtection {
    private static final int BLOCK = 16;

    private final AesCtrStream ctr;
    private final PacketMac mac;
    private boolean firstBlockOpen;

    CipherMacProtection(byte[] key, byte[] iv, MacAlgorithm macAlgorithm, byte[] macKey, boolean encrypt) {
        this.ctr = new AesCtrStream(key, iv, encrypt);
        this.mac = new PacketMac(macAlgorithm, macKey);
    }

    @Override
    public int blockSize() {
        return BLOCK;
    }

    @Override
    public int macLength() {
        return mac.length();
    }

    @Override
    public boolean lengthExcludedFromAlignment() {
        return false;
    }

    @Override
    public int firstBlockLength() {
        return BLOCK;
    }

    @Override
    public void seal(int seq, byte[] buf, int off, int len) {
        mac.write(seq, buf, off, len, buf, off + len);
        ctr.crypt(buf, off, len);
    }

    @Override
    public int packetLength(int seq, byte[] buf, int off) throws ProtocolException {
        if (!firstBlockOpen) {
            ctr.crypt(buf, off, BLOCK);
            firstBlockOpen = true;
        }
        return Packets.readUint32(buf, off);
    }

    @Override
    public void open(int seq, byte[] buf, int off, int packetLength) throws ProtocolException {
        try {
            Packets.checkBounds(buf, off, packetLength, mac.length());
            if (4 + packetLength < BLOCK) {
                throw new ProtocolException(DisconnectReason.PROTOCOL_ERROR,
                        "Bad packet length " + packetLength + ": shorter than a cipher block");
            }
        } catch (ProtocolException e) {
            if (firstBlockOpen) {
                Arrays.fill(buf, off, Math.min(buf.length, off + BLOCK), (byte) 0);
                firstBlockOpen = false;
            }
            throw e;
        }
        int total = 4 + packetLength;
        if (!firstBlockOpen) {
            ctr.crypt(buf, off, BLOCK);
        }
        firstBlockOpen = false;
        ctr.crypt(buf, off + BLOCK, total - BLOCK);
        if (!mac.verify(seq, buf, off, total, off + total)) {
            Arrays.fill(buf, off, off + total, (byte) 0);
            throw Packets.macError();
        }
    }

    @Override
    public void destroy() {
        ctr.destroy();
        mac.destroy();
    }
}
