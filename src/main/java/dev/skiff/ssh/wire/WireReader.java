package dev.skiff.ssh.wire;

import dev.skiff.ssh.ProtocolException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounds-checked cursor over SSH wire data (RFC 4251 section 5). Every read checks
 * {@link #remaining()} first and every length is compared with it before any allocation, so
 * malformed input ends in a {@link ProtocolException}, never an unchecked exception or a large
 * allocation. Not thread-safe.
 */
public final class WireReader {
    /** Largest mpint we accept, in bytes (16384-bit RSA moduli). */
    public static final int MAX_MPINT_BYTES = 2048 + 1;
    /** Largest name-list we accept, in bytes. */
    public static final int MAX_NAME_LIST_BYTES = 64 * 1024;

    private final byte[] buf;
    private final int end;
    private int pos;

    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public WireReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off + len > buf.length) {
            throw new IllegalArgumentException("bad slice");
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    public int remaining() {
        return end - pos;
    }

    public int position() {
        return pos;
    }

    private void need(int n, String what) throws ProtocolException {
        if (n < 0 || n > end - pos) {
            throw new ProtocolException("truncated data reading " + what + ": need " + n + " bytes, have " + (end - pos));
        }
    }

    public int byteValue() throws ProtocolException {
        need(1, "byte");
        return buf[pos++] & 0xff;
    }

    public boolean bool() throws ProtocolException {
        return byteValue() != 0;
    }

    /** uint32 as a long in [0, 2^32). */
    public long uint32() throws ProtocolException {
        need(4, "uint32");
        long v = ((buf[pos] & 0xffL) << 24) | ((buf[pos + 1] & 0xffL) << 16) | ((buf[pos + 2] & 0xffL) << 8) | (buf[pos + 3] & 0xffL);
        pos += 4;
        return v;
    }

    /** uint32 that must fit in an int (< 2^31), e.g. a count or a channel id. */
    public int uint32AsInt(String what) throws ProtocolException {
        long v = uint32();
        if (v > Integer.MAX_VALUE) {
            throw new ProtocolException(what + " out of range: " + v);
        }
        return (int) v;
    }

    public long uint64() throws ProtocolException {
        long hi = uint32();
        long lo = uint32();
        return (hi << 32) | lo;
    }

    /** Length prefix of a string, checked against what is left before anything is allocated. */
    private int length(String what) throws ProtocolException {
        long len = uint32();
        if (len > end - pos) {
            throw new ProtocolException("length of " + what + " (" + len + ") exceeds the " + (end - pos) + " bytes left");
        }
        return (int) len;
    }

    public byte[] string() throws ProtocolException {
        int len = length("string");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return out;
    }

    /** A string as a read-only view, without copying. */
    public ByteBuffer stringView() throws ProtocolException {
        int len = length("string");
        ByteBuffer view = ByteBuffer.wrap(buf, pos, len).slice().asReadOnlyBuffer();
        pos += len;
        return view;
    }

    public String utf8() throws ProtocolException {
        int len = length("utf8 string");
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, len)).toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw new ProtocolException("invalid UTF-8 in string");
        }
    }

    /** A string that must be US-ASCII printable (algorithm names, service names). */
    public String ascii() throws ProtocolException {
        int len = length("ascii string");
        for (int i = pos; i < pos + len; i++) {
            int c = buf[i] & 0xff;
            if (c < 0x20 || c > 0x7e) {
                throw new ProtocolException("non-printable character in name");
            }
        }
        String s = new String(buf, pos, len, StandardCharsets.US_ASCII);
        pos += len;
        return s;
    }

    /** name-list (RFC 4251 section 5): comma separated, no empty names. */
    public List<String> nameList() throws ProtocolException {
        int len = length("name-list");
        if (len > MAX_NAME_LIST_BYTES) {
            throw new ProtocolException("name-list too long: " + len);
        }
        List<String> names = new ArrayList<>();
        if (len == 0) {
            return names;
        }
        int start = pos;
        int stop = pos + len;
        for (int i = pos; i <= stop; i++) {
            if (i == stop || buf[i] == ',') {
                if (i == start) {
                    throw new ProtocolException("empty name in name-list");
                }
                for (int j = start; j < i; j++) {
                    int c = buf[j] & 0xff;
                    if (c <= 0x20 || c > 0x7e) {
                        throw new ProtocolException("invalid character in name-list");
                    }
                }
                names.add(new String(buf, start, i - start, StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        pos = stop;
        return names;
    }

    /** mpint (RFC 4251 section 5): two's complement, no superfluous leading bytes. */
    public BigInteger mpint() throws ProtocolException {
        int len = length("mpint");
        if (len > MAX_MPINT_BYTES) {
            throw new ProtocolException("mpint too long: " + len + " bytes");
        }
        if (len == 0) {
            return BigInteger.ZERO;
        }
        if (len > 1) {
            int b0 = buf[pos];
            int b1 = buf[pos + 1];
            if ((b0 == 0 && b1 >= 0) || (b0 == -1 && b1 < 0)) {
                throw new ProtocolException("mpint has superfluous leading bytes");
            }
        }
        BigInteger v = new BigInteger(buf, pos, len);
        pos += len;
        return v;
    }

    public byte[] rawBytes(int n) throws ProtocolException {
        need(n, "bytes");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public void skip(int n) throws ProtocolException {
        need(n, "bytes");
        pos += n;
    }

    /** The rest, copied. */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    /** Every decoded record ends with this: trailing bytes are a protocol error. */
    public void expectEnd() throws ProtocolException {
        if (pos != end) {
            throw new ProtocolException((end - pos) + " unexpected trailing bytes");
        }
    }
}
