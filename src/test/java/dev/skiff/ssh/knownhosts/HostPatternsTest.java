package dev.skiff.ssh.knownhosts;

import static dev.skiff.ssh.knownhosts.HostPatterns.ListMatch.MATCH;
import static dev.skiff.ssh.knownhosts.HostPatterns.ListMatch.NEGATED;
import static dev.skiff.ssh.knownhosts.HostPatterns.ListMatch.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostPatternsTest {

    @Test
    void lookupNameBracketsNonDefaultPortsAndLowerCases() {
        assertEquals("example.org", HostPatterns.lookupName("Example.ORG", 22));
        assertEquals("[example.org]:2222", HostPatterns.lookupName("example.org", 2222));
        assertEquals("[::1]:2200", HostPatterns.lookupName("::1", 2200));
        assertThrows(IllegalArgumentException.class, () -> HostPatterns.lookupName("h", 0));
        assertThrows(IllegalArgumentException.class, () -> HostPatterns.lookupName("h", 65536));
        assertThrows(IllegalArgumentException.class, () -> HostPatterns.lookupName("", 22));
    }

    @Test
    void wildcards() {
        assertTrue(HostPatterns.wildcardMatch("*", ""));
        assertTrue(HostPatterns.wildcardMatch("*", "anything"));
        assertTrue(HostPatterns.wildcardMatch("*.example.org", "a.b.example.org"));
        assertFalse(HostPatterns.wildcardMatch("*.example.org", "example.org"));
        assertTrue(HostPatterns.wildcardMatch("host?", "host1"));
        assertFalse(HostPatterns.wildcardMatch("host?", "host"));
        assertFalse(HostPatterns.wildcardMatch("host?", "host12"));
        assertTrue(HostPatterns.wildcardMatch("192.168.?.*", "192.168.1.20"));
        assertTrue(HostPatterns.wildcardMatch("a*b*c", "aXXbYYbZc"));
        assertFalse(HostPatterns.wildcardMatch("a*b*c", "aXXbYY"));
        assertTrue(HostPatterns.wildcardMatch("[host]:2222", "[host]:2222"));
        assertTrue(HostPatterns.wildcardMatch("[*]:2222", "[host]:2222"));
        assertFalse(HostPatterns.wildcardMatch("[host]:2222", "host"));
    }

    @Test
    void pathologicalPatternStaysFast() {
        String text = "a".repeat(10_000);
        assertFalse(HostPatterns.wildcardMatch("*a*a*a*a*a*a*a*a*b", text));
    }

    @Test
    void listsAndNegation() {
        assertEquals(MATCH, HostPatterns.matchList("alpha,beta,gamma", "beta"));
        assertEquals(NONE, HostPatterns.matchList("alpha,beta,gamma", "delta"));
        assertEquals(MATCH, HostPatterns.matchList("ALPHA", "alpha"));
        assertEquals(NEGATED, HostPatterns.matchList("*.example.org,!bad.example.org", "bad.example.org"));
        assertEquals(NEGATED, HostPatterns.matchList("!bad.example.org,*.example.org", "bad.example.org"));
        assertEquals(MATCH, HostPatterns.matchList("*.example.org,!bad.example.org", "good.example.org"));
        assertEquals(NONE, HostPatterns.matchList("!bad.example.org", "other.org"));
    }
}
