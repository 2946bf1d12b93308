package dev.skiff.ssh.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 secrets (passwords from the wire) as wipeable {@code char[]}; no String is ever made. */
final class ServerSecrets {
    private ServerSecrets() {
    }

    /** Decodes {@code utf8} and wipes it; malformed input gives null (the caller fails the attempt). */
    static char[] decodeAndWipe(byte[] utf8) {
        CharBuffer cb = null;
        try {
            cb = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8));
            char[] out = new char[cb.remaining()];
            cb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(utf8, (byte) 0);
            if (cb != null && cb.hasArray()) {
                Arrays.fill(cb.array(), '\0');
            }
        }
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
