package dev.skiff.ssh.transport;

import dev.skiff.ssh.transport.crypto.CipherAlgorithm;
import dev.skiff.ssh.transport.crypto.CompressionAlgorithm;
import dev.skiff.ssh.transport.crypto.Compressor;
import dev.skiff.ssh.transport.crypto.MacAlgorithm;
import dev.skiff.ssh.transport.crypto.PacketProtection;
import dev.skiff.ssh.transport.crypto.PacketProtections;
import dev.skiff.ssh.transport.kex.ExchangeHash;
import java.util.Arrays;

/**
 * Derives the six keys of RFC 4253 section 7.2 from K, H and the session id and builds each
 * direction's {@link PacketProtection} and compression for the negotiated algorithms.
 */
final class NewKeysInstaller {
    /** One direction's new state, built when both sides' NEWKEYS are due. */
    record Direction(PacketProtection protection, CompressionAlgorithm compression) {
        Compressor newCompressor(boolean authenticated) {
            if (compression == CompressionAlgorithm.NONE || (compression.isDelayed() && !authenticated)) {
                return null;
            }
            return compression.newCompressor();
        }
    }

    private NewKeysInstaller() {
    }

    /**
     * @param outgoing true for the direction we send in
     */
    static Direction build(Role role, boolean outgoing, NegotiatedAlgorithms algs, String digest, byte[] k, byte[] h,
            byte[] sessionId) {
        boolean clientToServer = (role == Role.CLIENT) == outgoing;
        String cipherName = clientToServer ? algs.cipherClientToServer() : algs.cipherServerToClient();
        String macName = clientToServer ? algs.macClientToServer() : algs.macServerToClient();
        String compName = clientToServer ? algs.compressionClientToServer() : algs.compressionServerToClient();
        CipherAlgorithm cipher = CipherAlgorithm.byName(cipherName).orElseThrow();
        MacAlgorithm mac = cipher.isAead() ? null : MacAlgorithm.byName(macName).orElseThrow();
        byte[] iv = ExchangeHash.deriveKey(digest, k, h, clientToServer ? 'A' : 'B', sessionId, cipher.ivLength());
        byte[] key = ExchangeHash.deriveKey(digest, k, h, clientToServer ? 'C' : 'D', sessionId, cipher.keyLength());
        byte[] macKey = mac == null ? null
                : ExchangeHash.deriveKey(digest, k, h, clientToServer ? 'E' : 'F', sessionId, mac.keyLength());
        try {
            PacketProtection p = PacketProtections.create(cipher, mac, key, iv, macKey, outgoing);
            return new Direction(p, CompressionAlgorithm.byName(compName).orElseThrow());
        } finally {
            Arrays.fill(iv, (byte) 0);
            Arrays.fill(key, (byte) 0);
            if (macKey != null) {
                Arrays.fill(macKey, (byte) 0);
            }
        }
    }

    /** OpenSSH's dh_need: the largest key, block, IV or MAC size in bytes over both directions. */
    static int neededBytes(NegotiatedAlgorithms algs) {
        int need = 0;
        for (String c : new String[] {algs.cipherClientToServer(), algs.cipherServerToClient()}) {
            CipherAlgorithm a = CipherAlgorithm.byName(c).orElseThrow();
            need = Math.max(need, Math.max(a.keyLength(), Math.max(a.blockSize(), a.ivLength())));
        }
        for (String m : new String[] {algs.macClientToServer(), algs.macServerToClient()}) {
            if (!m.isEmpty()) {
                need = Math.max(need, MacAlgorithm.byName(m).orElseThrow().keyLength());
            }
        }
        return need;
    }
}
