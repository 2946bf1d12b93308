package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TerminalProfileTest {
    @Test
    void savedNamesReadBackAndUnknownOnesAreTheDefault() {
        for (TerminalProfile p : TerminalProfile.values()) {
            assertEquals(p, TerminalProfile.named(p.name()));
        }
        assertEquals(TerminalProfile.RED, TerminalProfile.named(" red "));
        assertEquals(TerminalProfile.DEFAULT, TerminalProfile.named(""));
        assertEquals(TerminalProfile.DEFAULT, TerminalProfile.named(null));
        assertEquals(TerminalProfile.DEFAULT, TerminalProfile.named("solarized"));
    }

    @Test
    void theDefaultFollowsTheThemeOthersAreFixed() {
        assertNull(TerminalProfile.DEFAULT.scheme());
        assertEquals(ColorScheme.RED, TerminalProfile.RED.scheme());
        assertEquals(ColorScheme.LIGHT, TerminalProfile.LIGHT.scheme());
    }
}
