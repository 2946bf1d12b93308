package dev.skiff.ssh.transport.crypto;

/**
 * Test-scope door to the package-private {@link Poly1305}, so the JMH benchmark in
 * {@code dev.skiff.bench} can time it on its own. Not part of the production API.
 */
public final class Poly1305Handle {
    private final Poly1305 poly = new Poly1305();

    /** Writes the tag of {@code m[off, off+len)} under {@code key[keyOff, keyOff+32)} to {@code out[outOff]}. */
    public void mac(byte[] key, int keyOff, byte[] m, int off, int len, byte[] out, int outOff) {
        poly.mac(key, keyOff, m, off, len, out, outOff);
    }
}
