package dev.skiff.ssh.transport.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** zlib (RFC 4253 section 6.2): persistent streams, sync-flushed packets, bounded inflation. */
class ZlibCompressorTest {

    @Test
    void roundTripsManyPacketsOnOneStream() throws Exception {
        Compressor out = CompressionAlgorithm.ZLIB.newCompressor();
        Compressor in = CompressionAlgorithm.ZLIB_OPENSSH.newCompressor();
        Random rnd = new Random(6);
        byte[] repeated = "SSH_MSG_CHANNEL_DATA ls -l /usr/share/doc\n".getBytes(StandardCharsets.US_ASCII);
        int firstSize = -1;
        int laterSize = -1;
        for (int i = 0; i < 300; i++) {
            byte[] payload;
            if (i % 3 == 0) {
                payload = repeated;
            } else {
                payload = TestBytes.random(rnd, rnd.nextInt(i % 7 == 0 ? 40_000 : 2000));
            }
            byte[] framed = new byte[payload.length + 10];
            System.arraycopy(payload, 0, framed, 5, payload.length);
            byte[] compressed = out.compress(framed, 5, payload.length);
            if (i == 0) {
                firstSize = compressed.length;
            } else if (payload == repeated) {
                laterSize = compressed.length;
            }
            assertArrayEquals(payload, in.decompress(compressed, 0, compressed.length, 64 * 1024), "packet " + i);
        }
        assertTrue(laterSize < firstSize, "the shared window makes repeats cheaper: " + laterSize + " vs " + firstSize);
        out.close();
        in.close();
    }

    @Test
    void emptyPayloadRoundTrips() throws Exception {
        Compressor out = Compressors.zlib();
        Compressor in = Compressors.zlib();
        byte[] c = out.compress(new byte[0], 0, 0);
        assertEquals(0, in.decompress(c, 0, c.length, 10).length);
    }

    @Test
    void zipBombExceedsTheLimit() throws Exception {
        Deflater d = new Deflater();
        d.setInput(new byte[10_000_000]);
        byte[] bomb = new byte[100_000];
        int n = d.deflate(bomb, 0, bomb.length, Deflater.SYNC_FLUSH);
        d.end();
        assertTrue(n < 20_000, "10 MB of zeros compress to " + n + " bytes");
        Compressor in = Compressors.zlib();
        ProtocolException e = assertThrows(ProtocolException.class, () -> in.decompress(bomb, 0, n, 256 * 1024));
        assertEquals(DisconnectReason.COMPRESSION_ERROR, e.reason());
    }

    @Test
    void exactLimitIsAllowed() throws Exception {
        Compressor out = Compressors.zlib();
        byte[] payload = new byte[5000];
        byte[] c = out.compress(payload, 0, payload.length);
        assertEquals(5000, Compressors.zlib().decompress(c, 0, c.length, 5000).length);
        assertThrows(ProtocolException.class, () -> Compressors.zlib().decompress(c, 0, c.length, 4999));
    }

    @Test
    void garbageIsACompressionError() {
        byte[] garbage = new Random(9).ints(200, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                (b, v) -> b.write(v), (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray();
        garbage[0] = 0x12; // not a zlib header
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Compressors.zlib().decompress(garbage, 0, garbage.length, 1 << 18));
        assertEquals(DisconnectReason.COMPRESSION_ERROR, e.reason());
    }
}
