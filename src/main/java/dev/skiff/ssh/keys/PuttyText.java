package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A cursor over the lines of a PuTTY key file: {@code Name: value} fields in a fixed order, and
 * {@code X-Lines: n} fields followed by n base64 lines. Bounds-checked; every failure is a
 * {@link KeyFormatException}.
 */
final class PuttyText {
    /** Cap on a base64 section (16384-bit RSA needs far fewer). */
    private static final int MAX_LINES = 1024;

    private final List<String> lines;
    private int next;
    private String value;

    PuttyText(String text) {
        this.lines = text.lines().map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList();
    }

    /** Reads the next {@code Name: value} line, returns the name; {@link #value()} holds the value. */
    String header() throws KeyFormatException {
        if (next >= lines.size()) {
            throw new KeyFormatException("truncated PuTTY key file");
        }
        String line = lines.get(next++);
        int colon = line.indexOf(": ");
        if (colon <= 0) {
            throw new KeyFormatException("malformed line " + next + " in PuTTY key file");
        }
        value = line.substring(colon + 2);
        return line.substring(0, colon);
    }

    String value() {
        return value;
    }

    /** Reads the next line, which must be the field {@code name}, and returns its value. */
    String field(String name) throws KeyFormatException {
        String got = header();
        if (!got.equals(name)) {
            throw new KeyFormatException("expected " + name + " at line " + next + " of PuTTY key file, got " + got);
        }
        return value;
    }

    /** The next field as a non-negative int no larger than {@code max}. */
    int intField(String name, int max) throws KeyFormatException {
        String v = field(name);
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || n > max) {
                throw new KeyFormatException(name + " out of range: " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new KeyFormatException("malformed " + name);
        }
    }

    byte[] hex(String name) throws KeyFormatException {
        try {
            return HexFormat.of().parseHex(field(name));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("malformed hex in " + name);
        }
    }

    /** A {@code name: n} field and the n base64 lines after it, decoded. */
    byte[] base64(String name) throws KeyFormatException {
        int n = intField(name, MAX_LINES);
        if (n > lines.size() - next) {
            throw new KeyFormatException("truncated PuTTY key file (" + name + ")");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(lines.get(next++).strip());
        }
        try {
            return Base64.getDecoder().decode(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("invalid base64 in PuTTY key file (" + name + ")");
        }
    }

    void expectEnd() throws KeyFormatException {
        while (next < lines.size()) {
            if (!lines.get(next++).isBlank()) {
                throw new KeyFormatException("unexpected data after Private-MAC in PuTTY key file");
            }
        }
    }
}
