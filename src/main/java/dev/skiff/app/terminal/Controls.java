package dev.skiff.app.terminal;

/** Untrusted text (titles, server messages) with control characters made visible (DESIGN §3). */
final class Controls {
    private Controls() {
    }

    static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                b.append('^').append((char) (cp ^ 0x40));
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
