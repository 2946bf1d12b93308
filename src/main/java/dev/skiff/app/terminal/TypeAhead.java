package dev.skiff.app.terminal;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * What the user types into a terminal while it is still connecting, kept and sent once the shell
 * is there, as a terminal's own line discipline does for {@code ssh}: printable characters, Enter
 * (CR) and Tab are kept, Backspace takes back the last kept character. Other keys (shortcuts,
 * arrows, Ctrl combinations) are not kept. At most {@value #MAX} characters.
 *
 * <p>FX thread only.
 */
final class TypeAhead {
    static final int MAX = 4096;
    private final StringBuilder text = new StringBuilder();

    /** Keeps what {@code e} types (KEY_TYPED or KEY_PRESSED); other events are ignored. */
    void offer(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            String ch = e.getCharacter();
            if (!ch.isEmpty() && ch.codePoints().allMatch(c -> c >= ' ' && c != 0x7f)) {
                append(ch);
            }
        } else if (e.getEventType() == KeyEvent.KEY_PRESSED) {
            if (e.getCode() == KeyCode.ENTER) {
                append("\r");
            } else if (e.getCode() == KeyCode.TAB) {
                append("\t");
            } else if (e.getCode() == KeyCode.BACK_SPACE && !text.isEmpty()) {
                int last = text.offsetByCodePoints(text.length(), -1);
                text.setLength(last);
            }
        }
    }

    private void append(String s) {
        if (text.length() + s.length() <= MAX) {
            text.append(s);
        }
    }

    /** The text kept so far, and forgets it. */
    String take() {
        String s = text.toString();
        text.setLength(0);
        return s;
    }

    void clear() {
        text.setLength(0);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }
}
