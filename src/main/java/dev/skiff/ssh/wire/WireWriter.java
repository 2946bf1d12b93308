package dev.skiff.ssh.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Growable writer of SSH wire data (RFC 4251 section 5). Not thread-safe. */
public final class WireWriter {
    private byte[] buf;
    private int len;

    public WireWriter() {
        this(64);
    }

    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    public WireWriter byteValue(int b) {
        ensure(1);
        buf[len++] = (byte) b;
        return this;
    }

    public WireWriter bool(boolean b) {
        return byteValue(b ? 1 : 0);
    }

    public WireWriter uint32(long v) {
        ensure(4);
        buf[len] = (byte) (v >>> 24);
        buf[len + 1] = (byte) (v >>> 16);
        buf[len + 2] = (byte) (v >>> 8);
        buf[len + 3] = (byte) v;
        len += 4;
        return this;
    }

    public WireWriter uint64(long v) {
        uint32(v >>> 32);
        return uint32(v & 0xffffffffL);
    }

    public WireWriter raw(byte[] b) {
        return raw(b, 0, b.length);
    }

    public WireWriter raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    public WireWriter string(byte[] b) {
        return string(b, 0, b.length);
    }

    public WireWriter string(byte[] b, int off, int n) {
        uint32(n);
        return raw(b, off, n);
    }

    public WireWriter utf8(String s) {
        return string(s.getBytes(StandardCharsets.UTF_8));
    }

    public WireWriter nameList(List<String> names) {
        return utf8(String.join(",", names));
    }

    public WireWriter mpint(BigInteger v) {
        if (v.signum() == 0) {
            return uint32(0);
        }
        return string(v.toByteArray());
    }

    /** mpint from an unsigned big-endian magnitude (leading zeros stripped, 0x00 added if the top bit is set). */
    public WireWriter mpintUnsigned(byte[] magnitude) {
        int i = 0;
        while (i < magnitude.length && magnitude[i] == 0) {
            i++;
        }
        int n = magnitude.length - i;
        if (n == 0) {
            return uint32(0);
        }
        boolean pad = (magnitude[i] & 0x80) != 0;
        uint32(n + (pad ? 1 : 0));
        if (pad) {
            byteValue(0);
        }
        return raw(magnitude, i, n);
    }

    public int length() {
        return len;
    }

    /** The internal array (valid up to {@link #length()}); for zero-copy hand-off. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Overwrites the buffer with zeros (for secrets). */
    public void wipe() {
        Arrays.fill(buf, (byte) 0);
        len = 0;
    }
}
