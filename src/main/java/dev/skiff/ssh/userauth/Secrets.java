package dev.skiff.ssh.userauth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 conversions of secrets that never go through {@link String} and wipe their buffers. */
final class Secrets {
    private Secrets() {
    }

    /** UTF-8 bytes of {@code chars}; the caller wipes the result. Unpaired surrogates become '?'. */
    static byte[] utf8Bytes(char[] chars) {
        ByteBuffer bb;
        try {
            bb = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encoder with REPLACE reported an error", e);
        }
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    /** Characters of UTF-8 {@code bytes} (malformed input replaced); the caller wipes the result. */
    static char[] utf8Chars(byte[] bytes) {
        CharBuffer cb;
        try {
            cb = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 decoder with REPLACE reported an error", e);
        }
        char[] out = new char[cb.remaining()];
        cb.get(out);
        if (cb.hasArray()) {
            Arrays.fill(cb.array(), '\0');
        }
        return out;
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
