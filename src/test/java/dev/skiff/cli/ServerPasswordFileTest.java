package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerPasswordFileTest {
    @Test
    void hashRoundTripAndFormat() {
        String h = ServerPasswordHash.create("s3cret".toCharArray(), 10_000);
        assertTrue(h.matches("\\$pbkdf2-sha256\\$10000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), h);
        assertTrue(ServerPasswordHash.parse(h).matches("s3cret".toCharArray()));
        assertFalse(ServerPasswordHash.parse(h).matches("s3cret ".toCharArray()));
        assertFalse(h.contains("s3cret"));
        assertFalse(ServerPasswordHash.parse(h).toString().contains(h.substring(30)));
        assertTrue(!h.equals(ServerPasswordHash.create("s3cret".toCharArray(), 10_000)), "salted");
    }

    @Test
    void knownAnswer() {
        // PBKDF2-HMAC-SHA256("password", "salt", 1) of RFC 7914 section 11 is 120fb6cf...; check our derive.
        byte[] d = ServerPasswordHash.derive("password".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1);
        assertEquals("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b", java.util.HexFormat.of().formatHex(d));
    }

    @Test
    void fileRefusesPlainTextAndBadLines() {
        List<String> warnings = new ArrayList<>();
        String alice = ServerPasswordHash.create("pw-alice".toCharArray(), 10_000);
        ServerPasswordFile f = ServerPasswordFile.parse(List.of("# users", "alice:" + alice, "bob:hunter2",
                "carol:$pbkdf2-sha256$5$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "nocolon"),
                "pw", warnings::add);
        assertEquals(1, f.size());
        assertEquals(3, warnings.size());
        assertTrue(warnings.stream().noneMatch(w -> w.contains("hunter2")), warnings.toString());
        assertTrue(f.check("alice", "pw-alice".toCharArray()));
        assertFalse(f.check("alice", "pw-bob".toCharArray()));
        assertFalse(f.check("bob", "hunter2".toCharArray()));
    }

    @Test
    void hashPasswordLineFromStdin() throws Exception {
        String line = ServerPasswordPrompt.line("alice", null,
                new ByteArrayInputStream("pa ss\r\nrest".getBytes(StandardCharsets.UTF_8)), 10_000);
        assertTrue(line.startsWith("alice:$pbkdf2-sha256$10000$"), line);
        assertTrue(ServerPasswordHash.parse(line.substring(6)).matches("pa ss".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> ServerPasswordPrompt.line("a:b", null,
                new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)), 10_000));
        assertThrows(IllegalArgumentException.class, () -> ServerPasswordPrompt.line("a", null,
                new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)), 10_000));
    }
}
