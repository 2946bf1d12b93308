package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Encodings of the shared secret K for the exchange hash and key derivation (RFC 4253 sections 7.2
 * and 8: {@code mpint K}; the hybrid PQ methods: {@code string K}), and the KEX failure exception.
 * Every writer is sized up front so no unwiped copy of K is left behind by buffer growth.
 */
final class EncodedSecret {
    private EncodedSecret() {
    }

    /** {@code mpint K} (length prefix included). */
    static byte[] mpint(BigInteger k) {
        WireWriter w = new WireWriter(k.bitLength() / 8 + 8);
        w.mpint(k);
        return take(w);
    }

    /** {@code mpint K} from an unsigned big-endian magnitude (length prefix included). */
    static byte[] mpintUnsigned(byte[] magnitude) {
        WireWriter w = new WireWriter(magnitude.length + 8);
        w.mpintUnsigned(magnitude);
        return take(w);
    }

    /** {@code string K} (length prefix included). */
    static byte[] string(byte[] k) {
        WireWriter w = new WireWriter(k.length + 8);
        w.string(k);
        return take(w);
    }

    private static byte[] take(WireWriter w) {
        byte[] out = w.toByteArray();
        w.wipe();
        return out;
    }

    /** Zero-fills each non-null array. */
    static void wipe(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }

    static ProtocolException failed(String message) {
        return new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, message);
    }

    static ProtocolException failed(String message, Throwable cause) {
        return new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, message, cause);
    }
}
