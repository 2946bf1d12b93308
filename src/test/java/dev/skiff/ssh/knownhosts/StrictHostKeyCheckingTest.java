package dev.skiff.ssh.knownhosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StrictHostKeyCheckingTest {
    @Test
    void parsesOpenSshValues() {
        assertEquals(StrictHostKeyChecking.YES, StrictHostKeyChecking.parse("yes"));
        assertEquals(StrictHostKeyChecking.YES, StrictHostKeyChecking.parse("true"));
        assertEquals(StrictHostKeyChecking.ACCEPT_NEW, StrictHostKeyChecking.parse("accept-new"));
        assertEquals(StrictHostKeyChecking.NO, StrictHostKeyChecking.parse("no"));
        assertEquals(StrictHostKeyChecking.NO, StrictHostKeyChecking.parse("off"));
        assertEquals(StrictHostKeyChecking.NO, StrictHostKeyChecking.parse("false"));
        assertEquals(StrictHostKeyChecking.ASK, StrictHostKeyChecking.parse(" Ask "));
        assertThrows(IllegalArgumentException.class, () -> StrictHostKeyChecking.parse("maybe"));
        assertThrows(IllegalArgumentException.class, () -> StrictHostKeyChecking.parse(""));
    }

    @Test
    void configValueRoundTrips() {
        for (StrictHostKeyChecking v : StrictHostKeyChecking.values()) {
            assertEquals(v, StrictHostKeyChecking.parse(v.configValue()));
        }
        assertEquals("accept-new", StrictHostKeyChecking.ACCEPT_NEW.configValue());
    }
}
