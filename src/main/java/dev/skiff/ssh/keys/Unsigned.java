package dev.skiff.ssh.keys;

import java.math.BigInteger;

/** Fixed-length unsigned big-endian conversions (for curve coordinates and signature halves). */
final class Unsigned {
    private Unsigned() {
    }

    /**
     * Writes {@code v} (non-negative) as exactly {@code len} big-endian bytes at {@code off}.
     *
     * @throws IllegalArgumentException if it does not fit
     */
    static void toFixed(BigInteger v, byte[] out, int off, int len) {
        byte[] b = v.toByteArray();
        int start = 0;
        while (start < b.length - 1 && b[start] == 0) {
            start++;
        }
        int n = b.length - start;
        if (v.signum() < 0 || n > len) {
            throw new IllegalArgumentException("value does not fit in " + len + " bytes");
        }
        System.arraycopy(b, start, out, off + len - n, n);
    }

    static byte[] toFixed(BigInteger v, int len) {
        byte[] out = new byte[len];
        toFixed(v, out, 0, len);
        return out;
    }
}
