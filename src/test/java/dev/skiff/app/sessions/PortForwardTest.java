package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortForwardTest {
    @Test
    void parsesTheSshFlagSyntax() {
        assertEquals(new PortForward(PortForward.Type.L, "8080:localhost:80"), PortForward.parse("-L 8080:localhost:80"));
        assertEquals("R 0:localhost:22", PortForward.parse("r 0:localhost:22").toString());
        assertEquals("D 1080", PortForward.parse("D1080").toString());
        assertEquals("R 1080", PortForward.parse("R 1080").toString());
        assertEquals("[127.0.0.1]:8080 [db]:5432", PortForward.parse("L 127.0.0.1:8080:db:5432").configValue());
    }

    @Test
    void rejectsInvalidForwards() {
        assertThrows(IllegalArgumentException.class, () -> PortForward.parse("X 80:a:80"));
        assertThrows(IllegalArgumentException.class, () -> PortForward.parse("L 8080"));
        assertThrows(IllegalArgumentException.class, () -> PortForward.parse("L 99999:h:80"));
        assertThrows(IllegalArgumentException.class, () -> PortForward.parse("D 1080:h:80"));
        assertThrows(IllegalArgumentException.class, () -> PortForward.parse(""));
    }
}
