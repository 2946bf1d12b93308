package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The SSH public key file format of RFC 4716 ({@code ssh-keygen -e}, PuTTY {@code -O public}):
 * <pre>
 * ---- BEGIN SSH2 PUBLIC KEY ----
 * Comment: "text"                 (header lines, section 3.3; a line ending in \ continues)
 * base64 public key blob lines
 * ---- END SSH2 PUBLIC KEY ----
 * </pre>
 * Only the Comment header is used; others (Subject, x-...) are skipped, as section 3.3.3 allows.
 */
final class Rfc4716 {
    static final String BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";
    static final String END = "---- END SSH2 PUBLIC KEY ----";
    /** Section 3.3: header tags are at most 64 bytes, values at most 1024 bytes. */
    private static final int MAX_HEADER_VALUE = 1024;

    private Rfc4716() {
    }

    static boolean looksLike(String text) {
        return text.stripLeading().startsWith(BEGIN);
    }

    static PublicKeyFile parse(String text) throws KeyFormatException {
        List<String> lines = text.lines().map(String::strip).toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        if (i == lines.size() || !lines.get(i).equals(BEGIN)) {
            throw new KeyFormatException("missing '" + BEGIN + "'");
        }
        String comment = "";
        StringBuilder base64 = new StringBuilder();
        for (i++; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals(END)) {
                byte[] blob;
                try {
                    blob = Base64.getDecoder().decode(base64.toString());
                } catch (IllegalArgumentException e) {
                    throw new KeyFormatException("invalid base64 in RFC 4716 public key");
                }
                return new PublicKeyFile(PublicKeys.decode(blob), comment);
            }
            int colon = line.indexOf(':');
            if (base64.length() == 0 && colon > 0 && colon <= 64) {
                StringBuilder value = new StringBuilder(line.substring(colon + 1).strip());
                while (value.length() > 0 && value.charAt(value.length() - 1) == '\\' && i + 1 < lines.size()) {
                    value.setLength(value.length() - 1);
                    value.append(lines.get(++i));
                    if (value.length() > MAX_HEADER_VALUE) {
                        throw new KeyFormatException("RFC 4716 header value too long");
                    }
                }
                if (line.substring(0, colon).toLowerCase(Locale.ROOT).equals("comment")) {
                    comment = unquote(value.toString());
                }
            } else {
                base64.append(line);
            }
        }
        throw new KeyFormatException("missing '" + END + "'");
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
