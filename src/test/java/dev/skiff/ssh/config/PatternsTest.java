package dev.skiff.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatternsTest {

    @Test
    void wildcards() {
        assertTrue(Patterns.matches("anything", "*"));
        assertTrue(Patterns.matches("", "*"));
        assertTrue(Patterns.matches("web1.example.com", "web?.example.com"));
        assertFalse(Patterns.matches("web10.example.com", "web?.example.com"));
        assertTrue(Patterns.matches("a.b.c", "*.c"));
        assertTrue(Patterns.matches("abcabc", "*bc*c"));
        assertFalse(Patterns.matches("abc", "ab"));
        assertFalse(Patterns.matches("ab", "abc"));
        assertTrue(Patterns.matches("x", "**x**"));
    }

    @Test
    void matchingIsCaseSensitive() {
        assertFalse(Patterns.matches("FOO", "foo"));
    }

    @Test
    void listsAndNegation() {
        assertEquals(Patterns.MATCH, Patterns.matchList("b", "a,b,c", false));
        assertEquals(Patterns.NO_MATCH, Patterns.matchList("d", "a,b,c", false));
        assertEquals(Patterns.NEGATED, Patterns.matchList("bad.example", "*.example,!bad.example", false));
        assertEquals(Patterns.MATCH, Patterns.matchList("good.example", "*.example,!bad.example", false));
        // a negation alone never yields a positive match
        assertEquals(Patterns.NO_MATCH, Patterns.matchList("other", "!bad", false));
    }

    @Test
    void hostnameMatchingIgnoresCase() {
        assertTrue(Patterns.matchesHostname("Web.Example.COM", "*.example.com"));
        assertTrue(Patterns.matchesHostname("web.example.com", "*.EXAMPLE.com"));
    }
}
