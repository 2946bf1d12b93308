package dev.skiff.app.terminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Watches a terminal's output for OSC 7 ({@code ESC ] 7 ; file://host/path BEL} or {@code ... ESC \}),
 * the sequence shells such as fish, zsh with VTE scripts or bash with a {@code PROMPT_COMMAND} emit
 * to say their working directory, and remembers the last directory announced. Sequences may be
 * split across reads; one longer than {@value #MAX_LENGTH} characters is ignored.
 *
 * <p>{@link #scan} is called by the terminal's single reader thread; {@link #directory()} from any thread.
 */
public final class Osc7Tracker {
    static final int MAX_LENGTH = 4096;
    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;

    private enum State { TEXT, ESC, OSC, OSC7, PAYLOAD, PAYLOAD_ESC, SKIP }

    private State state = State.TEXT;
    private final StringBuilder payload = new StringBuilder();
    private volatile String directory;

    /** Looks at {@code length} characters of output starting at {@code offset}. */
    public void scan(char[] buf, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            step(buf[i]);
        }
    }

    /** The directory last announced with OSC 7, if any. */
    public Optional<String> directory() {
        return Optional.ofNullable(directory);
    }

    private void step(char c) {
        switch (state) {
            case TEXT -> state = c == ESC ? State.ESC : State.TEXT;
            case ESC -> state = c == ']' ? State.OSC : c == ESC ? State.ESC : State.TEXT;
            case OSC -> state = c == '7' ? State.OSC7 : State.SKIP;
            case OSC7 -> {
                payload.setLength(0);
                state = c == ';' ? State.PAYLOAD : State.SKIP;
            }
            case PAYLOAD -> {
                if (c == BEL) {
                    finish();
                } else if (c == ESC) {
                    state = State.PAYLOAD_ESC;
                } else if (payload.length() >= MAX_LENGTH || c < 0x20) {
                    state = State.SKIP;
                } else {
                    payload.append(c);
                }
            }
            case PAYLOAD_ESC -> {
                if (c == '\\') {
                    finish();
                } else {
                    state = c == ']' ? State.OSC : State.TEXT;
                }
            }
            case SKIP -> {
                // rest of another OSC sequence: ends at BEL or ESC (the ST's backslash is plain text)
                if (c == BEL) {
                    state = State.TEXT;
                } else if (c == ESC) {
                    state = State.ESC;
                }
            }
        }
    }

    private void finish() {
        state = State.TEXT;
        String path = pathOf(payload.toString());
        if (path != null) {
            directory = path;
        }
    }

    /** The path of a {@code file://host/path} URL (percent-decoded), or null when it is not one. */
    static String pathOf(String url) {
        if (!url.regionMatches(true, 0, "file://", 0, 7)) {
            return null;
        }
        int slash = url.indexOf('/', 7);
        if (slash < 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String raw = url.substring(slash);
        int i = 0;
        while (i < raw.length()) {
            int pct = raw.indexOf('%', i);
            int end = pct < 0 ? raw.length() : pct;
            out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (pct < 0) {
                break;
            }
            int hi = pct + 2 < raw.length() ? Character.digit(raw.charAt(pct + 1), 16) : -1;
            int lo = pct + 2 < raw.length() ? Character.digit(raw.charAt(pct + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi * 16 + lo);
            i = pct + 3;
        }
        String path = out.toString(StandardCharsets.UTF_8);
        return path.indexOf('\0') >= 0 ? null : path;
    }
}
