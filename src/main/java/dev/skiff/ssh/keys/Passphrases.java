package dev.skiff.ssh.keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Passphrase helpers: UTF-8 bytes without an intermediate String, and wiping. */
final class Passphrases {
    private Passphrases() {
    }

    /** The UTF-8 encoding of {@code passphrase} (null = empty); the caller wipes the result. */
    static byte[] utf8(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            return new byte[0];
        }
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] out = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
        Arrays.fill(bb.array(), (byte) 0);
        return out;
    }

    static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
