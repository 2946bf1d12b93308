package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.ProtocolException;

/**
 * AES-CTR with an OpenSSH encrypt-then-MAC HMAC ({@code *-etm@openssh.com}, OpenSSH
 * {@code PROTOCOL} section 1.5).
 *
 * <p>Wire layout: {@code uint32 packet_length} in the clear, then
 * {@code AES-CTR(padding_length || payload || padding)}, then
 * {@code HMAC(key, uint32 seq || packet_length || ciphertext)}. The MAC is verified before a
 * single byte is decrypted; the length is outside the padding alignment.
 */
final class EtmProtection implements PacketProtection {
    private final AesCtrStream ctr;
    private final PacketMac mac;

    EtmProtection(byte[] key, byte[] iv, MacAlgorithm macAlgorithm, byte[] macKey, boolean encrypt) {
        this.ctr = new AesCtrStream(key, iv, encrypt);
        this.mac = new PacketMac(macAlgorithm, macKey);
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public int macLength() {
        return mac.length();
    }

    @Override
    public boolean lengthExcludedFromAlignment() {
        return true;
    }

    @Override
    public int firstBlockLength() {
        return 4;
    }

    @Override
    public void seal(int seq, byte[] buf, int off, int len) {
        ctr.crypt(buf, off + 4, len - 4);
        mac.write(seq, buf, off, len, buf, off + len);
    }

    @Override
    public int packetLength(int seq, byte[] buf, int off) {
        return Packets.readUint32(buf, off);
    }

    @Override
    public void open(int seq, byte[] buf, int off, int packetLength) throws ProtocolException {
        Packets.checkBounds(buf, off, packetLength, mac.length());
        int total = 4 + packetLength;
        if (!mac.verify(seq, buf, off, total, off + total)) {
            throw Packets.macError();
        }
        ctr.crypt(buf, off + 4, packetLength);
    }

    @Override
    public void destroy() {
        ctr.destroy();
        mac.destroy();
    }
}
