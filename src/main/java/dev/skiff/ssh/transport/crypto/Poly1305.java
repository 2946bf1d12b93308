package dev.skiff.ssh.transport.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Poly1305 one-time authenticator (RFC 8439 section 2.5): a 32-byte one-time key
 * {@code r || s}, any message, a 16-byte tag.
 *
 * <p>The accumulator and {@code r} are held in three limbs of 44, 44 and 42 bits; each limb
 * product is formed exactly from {@code a * b} and {@link Math#multiplyHigh} (intrinsified on
 * 64-bit JVMs), so a 16-byte block costs nine 64x64-bit multiplications. All arithmetic is
 * branch-free in the data; the final reduction selects with a mask.
 *
 * <p>Not thread-safe. {@link #doFinal} wipes the key-dependent state; call {@link #init} again
 * before the next message.
 */
final class Poly1305 {
    static final int KEY_LENGTH = 32;
    static final int TAG_LENGTH = 16;

    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M44 = (1L << 44) - 1;
    private static final long M42 = (1L << 42) - 1;
    /** 2^128 at the weight of the top limb (2^88): the 0x01 byte after a full 16-byte block. */
    private static final long FULL_BLOCK_BIT = 1L << 40;

    private long r0, r1, r2, s1, s2;
    private long pad0, pad1;
    private long h0, h1, h2;
    private final byte[] partial = new byte[16];
    private int partialLength;

    /** Starts a message with the one-time key {@code key[off, off+32)}. */
    void init(byte[] key, int off) {
        Objects.checkFromIndexSize(off, KEY_LENGTH, key.length);
        long t0 = (long) LE64.get(key, off) & 0x0ffffffc0fffffffL; // clamp (section 2.5)
        long t1 = (long) LE64.get(key, off + 8) & 0x0ffffffc0ffffffcL;
        r0 = t0 & M44;
        r1 = ((t0 >>> 44) | (t1 << 20)) & M44;
        r2 = t1 >>> 24;
        // 2^132 = 4 * 2^130 = 20 (mod 2^130 - 5): products that overflow the top limb fold back times 20
        s1 = r1 * 20;
        s2 = r2 * 20;
        pad0 = (long) LE64.get(key, off + 16);
        pad1 = (long) LE64.get(key, off + 24);
        h0 = 0;
        h1 = 0;
        h2 = 0;
        partialLength = 0;
    }

    /** Absorbs {@code m[off, off+len)}. */
    void update(byte[] m, int off, int len) {
        Objects.checkFromIndexSize(off, len, m.length);
        if (partialLength > 0) {
            int take = Math.min(16 - partialLength, len);
            System.arraycopy(m, off, partial, partialLength, take);
            partialLength += take;
            off += take;
            len -= take;
            if (partialLength < 16) {
                return;
            }
            blocks(partial, 0, 16, FULL_BLOCK_BIT);
            partialLength = 0;
        }
        int whole = len & ~15;
        if (whole > 0) {
            blocks(m, off, whole, FULL_BLOCK_BIT);
        }
        if (len > whole) {
            partialLength = len - whole;
            System.arraycopy(m, off + whole, partial, 0, partialLength);
        }
    }

    /** Writes the 16-byte tag to {@code out[outOff]} and wipes the state. */
    void doFinal(byte[] out, int outOff) {
        Objects.checkFromIndexSize(outOff, TAG_LENGTH, out.length);
        if (partialLength > 0) {
            partial[partialLength] = 1; // the 0x01 byte after a short final block, then zero padding
            Arrays.fill(partial, partialLength + 1, 16, (byte) 0);
            blocks(partial, 0, 16, 0);
        }
        long c;
        c = h1 >>> 44; h1 &= M44; h2 += c;
        c = h2 >>> 42; h2 &= M42; h0 += c * 5;
        c = h0 >>> 44; h0 &= M44; h1 += c;
        c = h1 >>> 44; h1 &= M44; h2 += c;
        c = h2 >>> 42; h2 &= M42; h0 += c * 5;
        c = h0 >>> 44; h0 &= M44; h1 += c;
        // g = h + 5 - 2^130; keep h when g is negative (h < p), else take g
        long g0 = h0 + 5;
        c = g0 >>> 44; g0 &= M44;
        long g1 = h1 + c;
        c = g1 >>> 44; g1 &= M44;
        long g2 = h2 + c - (1L << 42);
        long useG = (g2 >>> 63) - 1;
        long f0 = (h0 & ~useG) | (g0 & useG);
        long f1 = (h1 & ~useG) | (g1 & useG);
        long f2 = (h2 & ~useG) | (g2 & useG);
        // tag = (h + s) mod 2^128
        long lo = f0 + (f1 << 44);
        long hi = (f1 >>> 20) + (f2 << 24);
        long sumLo = lo + pad0;
        long carry = ((lo & pad0) | ((lo | pad0) & ~sumLo)) >>> 63;
        LE64.set(out, outOff, sumLo);
        LE64.set(out, outOff + 8, hi + pad1 + carry);
        wipe();
    }

    /** One-shot: tag of {@code m[off, off+len)} under {@code key[keyOff, keyOff+32)} into {@code out[outOff]}. */
    void mac(byte[] key, int keyOff, byte[] m, int off, int len, byte[] out, int outOff) {
        init(key, keyOff);
        update(m, off, len);
        doFinal(out, outOff);
    }

    /** Zeroes key and accumulator; idempotent. */
    void wipe() {
        r0 = r1 = r2 = s1 = s2 = pad0 = pad1 = h0 = h1 = h2 = 0;
        Arrays.fill(partial, (byte) 0);
        partialLength = 0;
    }

    /** h = (h + block) * r mod 2^130-5 for each 16-byte block of {@code m[off, off+len)}. */
    private void blocks(byte[] m, int off, int len, long hibit) {
        final long r0 = this.r0, r1 = this.r1, r2 = this.r2, s1 = this.s1, s2 = this.s2;
        long h0 = this.h0, h1 = this.h1, h2 = this.h2;
        for (int end = off + len; off < end; off += 16) {
            long t0 = (long) LE64.get(m, off);
            long t1 = (long) LE64.get(m, off + 8);
            h0 += t0 & M44;
            h1 += ((t0 >>> 44) | (t1 << 20)) & M44;
            h2 += (t1 >>> 24) | hibit;
            // d = h * r, each column split into its low 44 bits and the rest (no 128-bit adds needed)
            long d0 = lo44(h0, r0) + lo44(h1, s2) + lo44(h2, s1);
            long d0h = hi44(h0, r0) + hi44(h1, s2) + hi44(h2, s1);
            long d1 = lo44(h0, r1) + lo44(h1, r0) + lo44(h2, s2);
            long d1h = hi44(h0, r1) + hi44(h1, r0) + hi44(h2, s2);
            long d2 = lo44(h0, r2) + lo44(h1, r1) + lo44(h2, r0);
            long d2h = hi44(h0, r2) + hi44(h1, r1) + hi44(h2, r0);
            long c;
            h0 = d0 & M44;
            c = (d0 >>> 44) + d0h;
            d1 += c;
            h1 = d1 & M44;
            c = (d1 >>> 44) + d1h;
            d2 += c;
            h2 = d2 & M42;
            c = (d2 >>> 42) + (d2h << 2);
            h0 += c * 5;
            c = h0 >>> 44;
            h0 &= M44;
            h1 += c;
        }
        this.h0 = h0;
        this.h1 = h1;
        this.h2 = h2;
    }

    /** Low 44 bits of the 128-bit product (operands are below 2^50, products below 2^100). */
    private static long lo44(long a, long b) {
        return (a * b) & M44;
    }

    /** The 128-bit product shifted right by 44. */
    private static long hi44(long a, long b) {
        return ((a * b) >>> 44) | (Math.multiplyHigh(a, b) << 20);
    }
}
