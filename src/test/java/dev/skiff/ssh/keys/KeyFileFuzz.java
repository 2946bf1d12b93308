package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.ssh.KeyFormatException;
import java.util.Arrays;

/** Damages key files (truncation, flipped bytes) and checks that only KeyFormatException comes out. */
final class KeyFileFuzz {
    private KeyFileFuzz() {
    }

    /**
     * Truncates at every {@code step}-th byte and flips one byte at every {@code flipStep}-th
     * position; each damaged file must load or fail with a KeyFormatException.
     */
    static int fuzz(byte[] file, String pass, int step, int flipStep) {
        int failures = 0;
        for (int len = 0; len < file.length; len += step) {
            failures += tryRead(Arrays.copyOf(file, len), pass, "truncated at " + len);
        }
        for (int i = 0; i < file.length; i += flipStep) {
            byte[] damaged = file.clone();
            damaged[i] ^= (byte) (1 + (i % 127));
            failures += tryRead(damaged, pass, "flipped byte " + i);
        }
        return failures;
    }

    private static int tryRead(byte[] content, String pass, String what) {
        try {
            PrivateKeyFiles.read(content, what, PassphraseProvider.of(pass.toCharArray()));
            return 0;
        } catch (KeyFormatException e) {
            return 1;
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": unchecked exception " + e, e);
        }
    }

    static void expectAllFail(byte[] file, String pass, int step) {
        for (int len = 0; len < file.length - 1; len += step) {
            try {
                PrivateKeyFiles.read(Arrays.copyOf(file, len), "t", PassphraseProvider.of(pass.toCharArray()));
                fail("truncated at " + len + " loaded");
            } catch (KeyFormatException e) {
                // expected
            }
        }
    }
}
