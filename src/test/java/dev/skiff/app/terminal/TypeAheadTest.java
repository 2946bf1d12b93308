package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class TypeAheadTest {
    private static KeyEvent typed(String ch, boolean control) {
        return new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, control, false, false);
    }

    private static KeyEvent pressed(KeyCode code, boolean control) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, control, false, false);
    }

    private static void type(TypeAhead t, String s) {
        s.codePoints().forEach(c -> t.offer(typed(Character.toString(c), false)));
    }

    @Test
    void keepsPrintableTextEnterAndTabWithBackspaceEditing() {
        TypeAhead t = new TypeAhead();
        type(t, "lx");
        t.offer(pressed(KeyCode.BACK_SPACE, false));
        type(t, "s -l ✓😀");
        t.offer(pressed(KeyCode.BACK_SPACE, false)); // a whole code point
        t.offer(pressed(KeyCode.TAB, false));
        t.offer(pressed(KeyCode.ENTER, false));
        assertEquals("ls -l ✓\t\r", t.take());
        assertTrue(t.isEmpty(), "take forgets");
    }

    @Test
    void ignoresShortcutsControlCharactersAndOtherKeys() {
        TypeAhead t = new TypeAhead();
        t.offer(typed("c", true));
        t.offer(pressed(KeyCode.ENTER, true));
        t.offer(typed("\u0003", false));
        t.offer(typed("\u007f", false));
        t.offer(pressed(KeyCode.UP, false));
        t.offer(pressed(KeyCode.BACK_SPACE, false)); // nothing to take back
        t.offer(new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.ENTER, false, false, false, false));
        assertEquals("", t.take());
    }

    @Test
    void keepsAtMostMaxCharacters() {
        TypeAhead t = new TypeAhead();
        type(t, "x".repeat(TypeAhead.MAX + 10));
        assertEquals(TypeAhead.MAX, t.take().length());
        type(t, "a");
        t.clear();
        assertEquals("", t.take());
    }
}
