package dev.skiff.ssh.x11;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An X authorization entry: protocol name (e.g. {@code MIT-MAGIC-COOKIE-1}) and its secret data.
 * The data is never printed by {@link #toString()}; {@link #data()} returns a copy.
 */
public final class X11Cookie {
    /** The usual protocol; also what a fake cookie uses when there is no real one. */
    public static final String MIT_MAGIC_COOKIE = "MIT-MAGIC-COOKIE-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String protocol;
    private final byte[] data;

    public X11Cookie(String protocol, byte[] data) {
        this.protocol = protocol;
        this.data = data.clone();
    }

    /** A random cookie of {@code length} bytes for {@code protocol}. */
    public static X11Cookie random(String protocol, int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return new X11Cookie(protocol, b);
    }

    /** A fresh random cookie of the same protocol and length (OpenSSH's fake cookie). */
    public X11Cookie fake() {
        return random(protocol, data.length);
    }

    public String protocol() {
        return protocol;
    }

    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public String hex() {
        return HexFormat.of().formatHex(data);
    }

    /** Constant-time comparison of protocol and data. */
    boolean matches(byte[] otherProtocol, byte[] otherData) {
        return java.security.MessageDigest.isEqual(protocol.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                otherProtocol) & java.security.MessageDigest.isEqual(data, otherData);
    }

    /** Overwrites the data. */
    public void wipe() {
        Arrays.fill(data, (byte) 0);
    }

    @Override
    public String toString() {
        return "X11Cookie[" + protocol + ", " + data.length + " bytes]";
    }
}
