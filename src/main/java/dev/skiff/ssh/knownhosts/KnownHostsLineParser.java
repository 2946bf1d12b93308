package dev.skiff.ssh.knownhosts;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Parses one known_hosts line (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): fields separated by
 * spaces or tabs, {@code [marker] hostpatterns keytype base64key [comment]}. The key blob is
 * base64-decoded and must start with the same key type string (RFC 4253 section 6.6); the key
 * itself is not otherwise decoded, so matching works on (type, blob) alone. Lines in the old
 * SSH-1 form ({@code host bits exponent modulus}) are invalid. Stateless.
 */
final class KnownHostsLineParser {
    private KnownHostsLineParser() {
    }

    /** Classifies and parses a line; never throws for bad content. */
    static KnownHostsLine parse(Path file, int number, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new KnownHostsLine(number, text, KnownHostsLine.Kind.BLANK, Optional.empty(), "");
        }
        if (trimmed.startsWith("#")) {
            return new KnownHostsLine(number, text, KnownHostsLine.Kind.COMMENT, Optional.empty(), "");
        }
        try {
            KnownHostsEntry entry = parseEntry(file, number, trimmed);
            return new KnownHostsLine(number, text, KnownHostsLine.Kind.ENTRY, Optional.of(entry), "");
        } catch (IllegalArgumentException e) {
            return new KnownHostsLine(number, text, KnownHostsLine.Kind.INVALID, Optional.empty(), e.getMessage());
        }
    }

    private static KnownHostsEntry parseEntry(Path file, int number, String line) {
        Fields fields = new Fields(line);
        String first = fields.next("host patterns");
        Marker marker = Marker.NONE;
        if (first.startsWith("@")) {
            marker = Marker.forToken(first);
            if (marker == null) {
                throw new IllegalArgumentException("unknown marker " + first);
            }
            first = fields.next("host patterns");
        }
        HashedHostName hashed = first.startsWith("|") ? HashedHostName.parse(first) : null;
        String keyType = fields.next("key type");
        String base64 = fields.next("key");
        byte[] blob = decodeBlob(keyType, base64);
        return new KnownHostsEntry(file, number, marker, first, hashed, keyType, blob, fields.rest());
    }

    /** Decodes the base64 key and checks that the blob names the same key type. */
    static byte[] decodeBlob(String keyType, String base64) {
        if (!keyType.chars().allMatch(c -> c > 0x20 && c < 0x7f) || Character.isDigit(keyType.charAt(0))) {
            throw new IllegalArgumentException("invalid key type " + keyType);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is not valid base64");
        }
        String inner;
        try {
            inner = new WireReader(blob).ascii();
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("key blob is malformed: " + e.getMessage());
        }
        if (!inner.equals(keyType)) {
            throw new IllegalArgumentException("key type " + keyType + " does not match blob type " + inner);
        }
        return blob;
    }

    /** Cursor over space/tab separated fields. */
    private static final class Fields {
        private final String line;
        private int pos;

        Fields(String line) {
            this.line = line;
        }

        String next(String what) {
            skipBlanks();
            int start = pos;
            while (pos < line.length() && !isBlank(line.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("missing " + what);
            }
            return line.substring(start, pos);
        }

        String rest() {
            skipBlanks();
            return line.substring(pos).strip();
        }

        private void skipBlanks() {
            while (pos < line.length() && isBlank(line.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }
    }
}
