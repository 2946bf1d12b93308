package dev.skiff.ssh.keys;

/**
 * The Blowfish block cipher with the "expensive key schedule" of bcrypt (Provos and Mazieres,
 * "A Future-Adaptable Password Scheme", 1999), as needed by {@link BcryptPbkdf}. Words are read
 * from byte strings big-endian and cyclically ({@code Blowfish_stream2word}). Not thread-safe; one
 * instance per hash.
 */
final class Blowfish {
    private static final int ROUNDS = 16;
    private final int[] p = new int[ROUNDS + 2];
    private final int[] s = new int[4 * 256];
    private int cursor;

    /** A cipher in the initial (pi) state. */
    Blowfish() {
        int[] init = BlowfishPi.initialState();
        System.arraycopy(init, 0, p, 0, p.length);
        System.arraycopy(init, p.length, s, 0, s.length);
    }

    private int f(int x) {
        return ((s[x >>> 24] + s[256 + ((x >>> 16) & 0xff)]) ^ s[512 + ((x >>> 8) & 0xff)]) + s[768 + (x & 0xff)];
    }

    /** Encrypts the block {@code lr[off], lr[off+1]} in place. */
    void encipher(int[] lr, int off) {
        int l = lr[off];
        int r = lr[off + 1];
        l ^= p[0];
        for (int i = 1; i <= ROUNDS; i += 2) {
            r ^= f(l) ^ p[i];
            l ^= f(r) ^ p[i + 1];
        }
        lr[off] = r ^ p[ROUNDS + 1];
        lr[off + 1] = l;
    }

    private int streamWord(byte[] data) {
        int w = 0;
        for (int i = 0; i < 4; i++) {
            if (cursor >= data.length) {
                cursor = 0;
            }
            w = (w << 8) | (data[cursor++] & 0xff);
        }
        return w;
    }

    /** Salted key expansion: key into P, then P and S re-encrypted while mixing in {@code data}. */
    void expandState(byte[] data, byte[] key) {
        cursor = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] ^= streamWord(key);
        }
        cursor = 0;
        int[] lr = new int[2];
        for (int i = 0; i < p.length; i += 2) {
            lr[0] ^= streamWord(data);
            lr[1] ^= streamWord(data);
            encipher(lr, 0);
            p[i] = lr[0];
            p[i + 1] = lr[1];
        }
        for (int i = 0; i < s.length; i += 2) {
            lr[0] ^= streamWord(data);
            lr[1] ^= streamWord(data);
            encipher(lr, 0);
            s[i] = lr[0];
            s[i + 1] = lr[1];
        }
    }

    /** Unsalted key expansion (the standard Blowfish key schedule applied to the current state). */
    void expand0State(byte[] key) {
        cursor = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] ^= streamWord(key);
        }
        int[] lr = new int[2];
        for (int i = 0; i < p.length; i += 2) {
            encipher(lr, 0);
            p[i] = lr[0];
            p[i + 1] = lr[1];
        }
        for (int i = 0; i < s.length; i += 2) {
            encipher(lr, 0);
            s[i] = lr[0];
            s[i + 1] = lr[1];
        }
    }

    /** Overwrites the key-dependent state. */
    void wipe() {
        java.util.Arrays.fill(p, 0);
        java.util.Arrays.fill(s, 0);
    }
}
