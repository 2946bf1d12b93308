package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One PEM-armored block (RFC 7468, with the RFC 1421 {@code Name: value} headers OpenSSL's
 * traditional encrypted keys carry): {@code -----BEGIN LABEL-----}, optional headers and a blank
 * line, base64 lines, {@code -----END LABEL-----}. Text before the BEGIN line is ignored, as
 * OpenSSL does.
 *
 * @param label e.g. {@code OPENSSH PRIVATE KEY}
 * @param headers header names in upper case
 */
record PemBlock(String label, Map<String, String> headers, byte[] data) {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** The first block of {@code text}, or null when there is no BEGIN line. */
    static PemBlock parse(String text) throws KeyFormatException {
        List<String> lines = text.lines().map(String::strip).toList();
        int i = 0;
        while (i < lines.size() && !(lines.get(i).startsWith(BEGIN) && lines.get(i).endsWith(DASHES))) {
            i++;
        }
        if (i == lines.size()) {
            return null;
        }
        String begin = lines.get(i);
        String label = begin.substring(BEGIN.length(), begin.length() - DASHES.length());
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base64 = new StringBuilder();
        for (i++; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals(END + label + DASHES)) {
                try {
                    return new PemBlock(label, headers, Base64.getDecoder().decode(base64.toString()));
                } catch (IllegalArgumentException e) {
                    throw new KeyFormatException("invalid base64 in " + label);
                }
            }
            int colon = line.indexOf(':');
            if (base64.length() == 0 && colon > 0) {
                headers.put(line.substring(0, colon).strip().toUpperCase(Locale.ROOT), line.substring(colon + 1).strip());
            } else if (line.startsWith(DASHES)) {
                break;
            } else {
                base64.append(line);
            }
        }
        throw new KeyFormatException("missing END line for " + label);
    }

    /** Armors {@code data} with lines of {@code width} base64 characters and a final newline. */
    static String encode(String label, byte[] data, int width) {
        String b64 = Base64.getEncoder().encodeToString(data);
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / width + 80);
        sb.append(BEGIN).append(label).append(DASHES).append('\n');
        for (int i = 0; i < b64.length(); i += width) {
            sb.append(b64, i, Math.min(b64.length(), i + width)).append('\n');
        }
        sb.append(END).append(label).append(DASHES).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return "PemBlock[" + label + "]";
    }
}
