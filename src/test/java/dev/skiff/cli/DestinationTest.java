package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DestinationTest {
    @Test
    void forms() {
        assertEquals(new Destination(Optional.empty(), "host", Optional.empty()), Destination.parse("host"));
        assertEquals(new Destination(Optional.of("alice"), "host", Optional.empty()), Destination.parse("alice@host"));
        assertEquals(new Destination(Optional.of("a@b"), "host", Optional.empty()), Destination.parse("a@b@host"));
        assertEquals(new Destination(Optional.of("bob"), "example.org", Optional.of(2222)),
                Destination.parse("ssh://bob@example.org:2222"));
        assertEquals(new Destination(Optional.empty(), "::1", Optional.of(22)), Destination.parse("ssh://[::1]:22"));
        assertEquals(new Destination(Optional.empty(), "h", Optional.empty()), Destination.parse("ssh://h"));
    }

    @Test
    void errors() {
        assertThrows(IllegalArgumentException.class, () -> Destination.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Destination.parse("user@"));
        assertThrows(IllegalArgumentException.class, () -> Destination.parse("@host"));
        assertThrows(IllegalArgumentException.class, () -> Destination.parse("ssh://host/path"));
    }
}
