package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A bounds-checked cursor over DER (ITU-T X.690 section 10), just enough for private key
 * structures: SEQUENCE, INTEGER, OCTET STRING, BIT STRING, OBJECT IDENTIFIER, NULL and
 * context-specific tags. Lengths are checked against the bytes left before anything is copied;
 * indefinite and non-minimal lengths are rejected.
 */
final class DerReader {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    /** Largest INTEGER accepted (16384-bit RSA modulus plus sign byte). */
    private static final int MAX_INTEGER_BYTES = 2049;

    private final byte[] buf;
    private int pos;
    private final int end;

    DerReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    private DerReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** The tag of the next element, or -1 at the end. */
    int peekTag() {
        return pos < end ? buf[pos] & 0xff : -1;
    }

    /** Reads one element with the given tag and returns its contents' bounds as a sub-reader. */
    DerReader element(int tag) throws KeyFormatException {
        if (pos >= end || (buf[pos] & 0xff) != tag) {
            throw new KeyFormatException(String.format("DER: expected tag 0x%02x", tag));
        }
        pos++;
        int len = length();
        DerReader sub = new DerReader(buf, pos, len);
        pos += len;
        return sub;
    }

    private int length() throws KeyFormatException {
        if (pos >= end) {
            throw new KeyFormatException("DER: truncated length");
        }
        int first = buf[pos++] & 0xff;
        int len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 3 || n > end - pos) {
                throw new KeyFormatException("DER: unsupported length encoding");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (buf[pos++] & 0xff);
            }
            if (len < 0x80 || (n > 1 && len < (1 << (8 * (n - 1))))) {
                throw new KeyFormatException("DER: non-minimal length");
            }
        }
        if (len > end - pos) {
            throw new KeyFormatException("DER: length " + len + " exceeds the " + (end - pos) + " bytes left");
        }
        return len;
    }

    DerReader sequence() throws KeyFormatException {
        return element(SEQUENCE);
    }

    BigInteger integer() throws KeyFormatException {
        DerReader c = element(INTEGER);
        int len = c.end - c.pos;
        if (len == 0 || len > MAX_INTEGER_BYTES) {
            throw new KeyFormatException("DER: INTEGER of " + len + " bytes");
        }
        return new BigInteger(c.buf, c.pos, len);
    }

    /** A small non-negative INTEGER (versions, iteration counts). */
    int smallInt() throws KeyFormatException {
        BigInteger v = integer();
        if (v.signum() < 0 || v.bitLength() > 31) {
            throw new KeyFormatException("DER: INTEGER out of range");
        }
        return v.intValue();
    }

    byte[] octetString() throws KeyFormatException {
        return element(OCTET_STRING).rest();
    }

    /** BIT STRING contents without the unused-bits byte (which must be 0). */
    byte[] bitString() throws KeyFormatException {
        byte[] b = element(BIT_STRING).rest();
        if (b.length == 0 || b[0] != 0) {
            throw new KeyFormatException("DER: unsupported BIT STRING");
        }
        return Arrays.copyOfRange(b, 1, b.length);
    }

    /** An OBJECT IDENTIFIER in dotted form. */
    String oid() throws KeyFormatException {
        byte[] b = element(OID).rest();
        if (b.length == 0 || b.length > 64) {
            throw new KeyFormatException("DER: bad OBJECT IDENTIFIER");
        }
        StringBuilder sb = new StringBuilder();
        long value = 0;
        for (int i = 0; i < b.length; i++) {
            value = (value << 7) | (b[i] & 0x7f);
            if ((b[i] & 0x80) == 0) {
                if (sb.length() == 0) {
                    int first = (int) Math.min(2, value / 40);
                    sb.append(first).append('.').append(value - 40L * first);
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            } else if (i == b.length - 1 || value > (1L << 48)) {
                throw new KeyFormatException("DER: bad OBJECT IDENTIFIER");
            }
        }
        return sb.toString();
    }

    /** Skips one element of any tag. */
    void skip() throws KeyFormatException {
        element(peekTag());
    }

    /** The remaining contents, copied. */
    byte[] rest() {
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    void expectEnd() throws KeyFormatException {
        if (pos != end) {
            throw new KeyFormatException("DER: " + (end - pos) + " unexpected trailing bytes");
        }
    }
}
