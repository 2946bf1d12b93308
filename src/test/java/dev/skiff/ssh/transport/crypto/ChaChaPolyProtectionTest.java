package dev.skiff.ssh.transport.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * chacha20-poly1305@openssh.com against an independent construction of OpenSSH's
 * {@code PROTOCOL.chacha20poly1305} built here from BouncyCastle's 64-bit-nonce ChaChaEngine and
 * Poly1305 (checked against RFC 8439 in ChaCha20KnownAnswerTest / Poly1305Test).
 */
class ChaChaPolyProtectionTest {

    /** OpenSSH's construction, written out step by step from PROTOCOL.chacha20poly1305. */
    static byte[] referenceSeal(byte[] key64, int seq, byte[] plainPacket, int len) {
        byte[] k2 = Arrays.copyOfRange(key64, 0, 32); // main key: payload and Poly1305 key
        byte[] k1 = Arrays.copyOfRange(key64, 32, 64); // header key: packet length
        byte[] nonce = new byte[8];
        nonce[4] = (byte) (seq >>> 24); // uint64 big-endian sequence number
        nonce[5] = (byte) (seq >>> 16);
        nonce[6] = (byte) (seq >>> 8);
        nonce[7] = (byte) seq;
        byte[] out = new byte[len + 16];

        ChaChaEngine header = new ChaChaEngine(20);
        header.init(true, new ParametersWithIV(new KeyParameter(k1), nonce));
        header.processBytes(plainPacket, 0, 4, out, 0);

        ChaChaEngine main = new ChaChaEngine(20);
        main.init(true, new ParametersWithIV(new KeyParameter(k2), nonce));
        byte[] block0 = new byte[64];
        main.processBytes(new byte[64], 0, 64, block0, 0); // block counter 0 -> Poly1305 key
        main.processBytes(plainPacket, 4, len - 4, out, 4); // block counter 1.. -> payload

        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(Arrays.copyOf(block0, 32)));
        poly.update(out, 0, len);
        poly.doFinal(out, len);
        return out;
    }

    @ParameterizedTest(name = "seq {0}")
    @ValueSource(ints = {0, 1, 2, 255, 256, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF})
    void sealMatchesIndependentConstruction(int seq) throws Exception {
        Random rnd = new Random(seq);
        byte[] key = TestBytes.random(rnd, 64);
        PacketProtection sender = PacketProtections.create(CipherAlgorithm.CHACHA20_POLY1305, null, key, new byte[0], null, true);
        PacketProtection receiver = PacketProtections.create(CipherAlgorithm.CHACHA20_POLY1305, null, key, null, null, false);
        for (int payloadLength : new int[] {0, 11, 59, 60, 123, 1000, 32768}) {
            byte[] plain = TestBytes.packet(sender, TestBytes.random(rnd, payloadLength), rnd);
            int len = plain.length - 16;
            byte[] expected = referenceSeal(key, seq, plain, len);

            byte[] buf = plain.clone();
            sender.seal(seq, buf, 0, len);
            assertArrayEquals(expected, buf, "payload " + payloadLength);

            byte[] received = buf.clone();
            assertEquals(len - 4, receiver.packetLength(seq, received, 0));
            assertArrayEquals(buf, received, "packetLength must not alter the bytes the tag covers");
            receiver.open(seq, received, 0, len - 4);
            assertArrayEquals(Arrays.copyOfRange(plain, 4, len), Arrays.copyOfRange(received, 4, len));
        }
    }
}
