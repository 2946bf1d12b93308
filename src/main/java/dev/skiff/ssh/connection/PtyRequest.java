package dev.skiff.ssh.connection;

import dev.skiff.ssh.wire.WireWriter;

/**
 * pty-req data (RFC 4254 section 6.2): string TERM, uint32 columns, rows, width px, height px,
 * string encoded terminal modes (section 8; empty = the server's defaults, ending in TTY_OP_END).
 */
public record PtyRequest(String term, int columns, int rows, int widthPixels, int heightPixels, byte[] modes) {
    public static PtyRequest of(String term, int columns, int rows) {
        return new PtyRequest(term, columns, rows, 0, 0, new byte[] {0});
    }

    byte[] encode() {
        return new WireWriter(64 + modes.length).utf8(term).uint32(columns).uint32(rows).uint32(widthPixels)
                .uint32(heightPixels).string(modes).toByteArray();
    }
}
