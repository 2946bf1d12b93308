package dev.skiff.ssh.server;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;

/**
 * A decoded pty-req (RFC 4254 section 6.2): string TERM, uint32 columns, rows, width px, height px,
 * string encoded terminal modes (section 8, kept raw).
 */
public record PtyInfo(String term, int columns, int rows, int widthPixels, int heightPixels, byte[] modes) {
    /** Terminal sizes beyond this are refused (as absurd). */
    static final long MAX_DIMENSION = 65535;

    static PtyInfo decode(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        String term = r.utf8();
        long cols = r.uint32();
        long rows = r.uint32();
        long w = r.uint32();
        long h = r.uint32();
        byte[] modes = r.string();
        r.expectEnd();
        if (term.length() > 256 || cols > MAX_DIMENSION || rows > MAX_DIMENSION || w > MAX_DIMENSION * 64
                || h > MAX_DIMENSION * 64) {
            throw new ProtocolException("unreasonable pty-req");
        }
        return new PtyInfo(term, (int) cols, (int) rows, (int) w, (int) h, modes);
    }

    /** The same terminal with a new size (window-change, RFC 4254 section 6.7). */
    PtyInfo resized(int newColumns, int newRows, int newWidth, int newHeight) {
        return new PtyInfo(term, newColumns, newRows, newWidth, newHeight, modes);
    }
}
