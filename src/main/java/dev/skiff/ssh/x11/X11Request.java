package dev.skiff.ssh.x11;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * The type-specific data of an {@code x11-req} channel request (RFC 4254 section 6.3.1):
 * <pre>
 *   boolean single connection
 *   string  x11 authentication protocol (e.g. MIT-MAGIC-COOKIE-1)
 *   string  x11 authentication cookie, hex
 *   uint32  x11 screen number
 * </pre>
 * The cookie is a secret (the fake one, but it grants the display): never printed by
 * {@link #toString()}.
 */
public record X11Request(boolean singleConnection, String authProtocol, String authCookieHex, int screen) {
    /** Longest protocol name or cookie accepted (xauth cookies are 16 bytes, 32 hex digits). */
    public static final int MAX_FIELD = 1024;
    /** Highest screen number accepted. */
    public static final int MAX_SCREEN = 65535;

    public byte[] encode() {
        return new WireWriter(authProtocol.length() + authCookieHex.length() + 16).bool(singleConnection)
                .utf8(authProtocol).utf8(authCookieHex).uint32(screen).toByteArray();
    }

    /** Decodes the whole request data; malformed wire data is a protocol error. */
    public static X11Request decode(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        boolean single = r.bool();
        String proto = r.utf8();
        String cookie = r.utf8();
        long screen = r.uint32();
        r.expectEnd();
        return new X11Request(single, proto, cookie, (int) Math.min(screen, Integer.MAX_VALUE));
    }

    /**
     * Whether the values are safe to hand to {@code xauth} (OpenSSH's {@code xauth_valid_string}:
     * protocol of letters, digits and {@code -._}; an even-length hex cookie) and in range.
     */
    public boolean wellFormed() {
        return authProtocol.length() <= MAX_FIELD && authProtocol.matches("[A-Za-z0-9._-]+")
                && authCookieHex.length() <= MAX_FIELD && authCookieHex.length() % 2 == 0
                && authCookieHex.matches("[0-9a-fA-F]+") && screen >= 0 && screen <= MAX_SCREEN;
    }

    @Override
    public String toString() {
        return "X11Request[single=" + singleConnection + ", protocol=" + authProtocol + ", cookie=(" + authCookieHex.length() / 2
                + " bytes), screen=" + screen + "]";
    }
}
