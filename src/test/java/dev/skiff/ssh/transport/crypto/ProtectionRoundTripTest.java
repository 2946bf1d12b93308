package dev.skiff.ssh.transport.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cipher x MAC pair (the MAC is ignored by AEAD ciphers): packets of varied sizes round-trip
 * with continuing sequence numbers, read the way the codec reads (first block, length, rest), and
 * any single flipped bit of length, body or tag is rejected without releasing plaintext.
 */
class ProtectionRoundTripTest {
    private static final int[] PAYLOAD_SIZES = {0, 1, 7, 15, 16, 17, 100, 255, 1000, 4096, 32768, 35000};
    /** Bytes after the packet, so a corrupted length that still fits is checked by open(), not by bounds. */
    private static final int SLACK = 8192;

    static Stream<Arguments> pairs() {
        return Arrays.stream(CipherAlgorithm.values())
                .flatMap(c -> Arrays.stream(MacAlgorithm.values()).map(m -> Arguments.of(c, m)));
    }

    static final class Keys {
        final byte[] key;
        final byte[] iv;
        final byte[] macKey;

        Keys(CipherAlgorithm c, MacAlgorithm m, Random rnd) {
            key = TestBytes.random(rnd, c.keyLength());
            iv = TestBytes.random(rnd, c.ivLength());
            macKey = TestBytes.random(rnd, m.keyLength());
        }

        PacketProtection create(CipherAlgorithm c, MacAlgorithm m, boolean encrypt) {
            return PacketProtections.create(c, m, key, iv, macKey, encrypt);
        }
    }

    /** Receives like the codec: only firstBlockLength bytes are present when packetLength is asked. */
    static int receive(PacketProtection rx, int seq, byte[] wire, byte[] buf) throws ProtocolException {
        int first = rx.firstBlockLength();
        System.arraycopy(wire, 0, buf, 0, first);
        int packetLength = rx.packetLength(seq, buf, 0);
        if (packetLength >= 0 && 4L + packetLength + rx.macLength() <= wire.length) {
            System.arraycopy(wire, first, buf, first, 4 + packetLength + rx.macLength() - first);
        }
        rx.open(seq, buf, 0, packetLength);
        return packetLength;
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("pairs")
    void roundTripsWithContinuingSequenceNumbers(CipherAlgorithm c, MacAlgorithm m) throws Exception {
        Random rnd = new Random(c.ordinal() * 31 + m.ordinal());
        Keys keys = new Keys(c, m, rnd);
        PacketProtection tx = keys.create(c, m, true);
        PacketProtection rx = keys.create(c, m, false);
        assertEquals(c.blockSize(), tx.blockSize());
        assertEquals(c.isAead() ? c.tagLength() : m.macLength(), tx.macLength());
        int seq = -3; // crosses the uint32 wrap
        for (int round = 0; round < 2; round++) {
            for (int size : PAYLOAD_SIZES) {
                byte[] plain = TestBytes.packet(tx, TestBytes.random(rnd, size), rnd);
                int aligned = plain.length - tx.macLength() - (tx.lengthExcludedFromAlignment() ? 4 : 0);
                assertEquals(0, aligned % tx.blockSize());
                byte[] wire = plain.clone();
                tx.seal(seq, wire, 0, plain.length - tx.macLength());
                assertFalse(Arrays.equals(plain, 5, 5 + size + 4, wire, 5, 5 + size + 4), "body must be encrypted");

                byte[] buf = new byte[wire.length];
                int packetLength = receive(rx, seq, wire, buf);
                assertEquals(TestBytes.lengthOf(plain), packetLength);
                assertArrayEquals(Arrays.copyOfRange(plain, 4, 4 + packetLength), Arrays.copyOfRange(buf, 4, 4 + packetLength));
                seq++;
            }
        }
        tx.destroy();
        rx.destroy();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("pairs")
    void everySingleBitFlipIsRejected(CipherAlgorithm c, MacAlgorithm m) throws Exception {
        Random rnd = new Random(c.ordinal() * 131 + m.ordinal());
        Keys keys = new Keys(c, m, rnd);
        int seq = 77;
        PacketProtection tx = keys.create(c, m, true);
        // seal one packet first so the tampered one is mid-stream (CTR position, GCM counter)
        byte[] warmup = TestBytes.packet(tx, new byte[9], rnd);
        tx.seal(seq - 1, warmup, 0, warmup.length - tx.macLength());
        byte[] payload = TestBytes.random(rnd, 40);
        byte[] plain = TestBytes.packet(tx, payload, rnd);
        byte[] wire = plain.clone();
        tx.seal(seq, wire, 0, plain.length - tx.macLength());
        boolean classic = !c.isAead() && !m.isEncryptThenMac();

        byte[] stream = Arrays.copyOf(wire, wire.length + SLACK); // the packet, then whatever follows it
        for (int i = wire.length; i < stream.length; i++) {
            stream[i] = (byte) rnd.nextInt();
        }
        for (int bit = 0; bit < wire.length * 8; bit++) {
            PacketProtection rx = keys.create(c, m, false);
            byte[] ok = warmup.clone();
            receive(rx, seq - 1, ok, new byte[ok.length]);

            byte[] tampered = stream.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            byte[] buf = new byte[tampered.length];
            int first = rx.firstBlockLength();
            System.arraycopy(tampered, 0, buf, 0, first);
            int packetLength = rx.packetLength(seq, buf, 0);
            boolean fits = packetLength >= 0 && 4L + packetLength + rx.macLength() <= buf.length
                    && (!classic || 4 + packetLength >= first);
            if (packetLength >= 0 && 4L + packetLength + rx.macLength() <= buf.length) {
                System.arraycopy(tampered, first, buf, first, 4 + packetLength + rx.macLength() - first);
            }
            ProtocolException e = assertThrows(ProtocolException.class, () -> rx.open(seq, buf, 0, packetLength),
                    "bit " + bit);
            if (fits) {
                assertEquals(DisconnectReason.MAC_ERROR, e.reason(), "bit " + bit);
                assertEquals(Packets.MAC_FAILED, e.getMessage());
            }
            assertFalse(Arrays.equals(payload, 0, payload.length, buf, 5, 5 + payload.length),
                    "plaintext released for bit " + bit);
        }
    }
}
