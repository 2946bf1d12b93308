package dev.skiff.app.sessions;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vault's plaintext layout: {@code uint32 count}, then per entry {@code uint32 len, id (UTF-8),
 * uint32 len, secret (UTF-8)}. Binary rather than JSON so secrets never become {@code String}s.
 */
final class VaultCodec {
    private VaultCodec() {
    }

    static byte[] encode(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, entries.size());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] id = e.getKey().getBytes(StandardCharsets.UTF_8);
            writeInt(out, id.length);
            out.writeBytes(id);
            writeInt(out, e.getValue().length);
            out.writeBytes(e.getValue());
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> decode(byte[] plain) throws VaultException {
        ByteBuffer in = ByteBuffer.wrap(plain);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            int n = in.getInt();
            for (int i = 0; i < n; i++) {
                String id = new String(bytes(in), StandardCharsets.UTF_8);
                entries.put(id, bytes(in));
            }
        } catch (RuntimeException e) {
            throw new VaultException("The vault's contents are damaged", e);
        }
        return entries;
    }

    private static byte[] bytes(ByteBuffer in) {
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] b = new byte[len];
        in.get(b);
        return b;
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** UTF-8 bytes of a secret without creating a {@code String}; the caller wipes the result. */
    static byte[] utf8(char[] secret) {
        try {
            ByteBuffer bb = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(secret));
            byte[] out = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
            Arrays.fill(bb.array(), (byte) 0);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret is not valid text", e);
        }
    }

    /** Characters of UTF-8 secret bytes; the caller wipes the result. */
    static char[] chars(byte[] utf8) {
        CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] out = Arrays.copyOfRange(cb.array(), cb.position(), cb.limit());
        Arrays.fill(cb.array(), '\0');
        return out;
    }
}
