package dev.skiff.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLineTest {

    private static ConfigLine lex(String s) throws SshConfigException {
        return ConfigLine.parse(s, "f", 7).orElseThrow();
    }

    @Test
    void keywordValueWithBlanksOrEquals() throws Exception {
        for (String s : List.of("Port 22", "Port=22", "Port = 22", "  port\t22  ", "PORT =22", "Port= 22")) {
            ConfigLine l = lex(s);
            assertEquals("port", l.keyword(), s);
            assertEquals(List.of("22"), l.args(), s);
        }
    }

    @Test
    void blankAndCommentLinesAreSkipped() throws Exception {
        assertTrue(ConfigLine.parse("", "f", 1).isEmpty());
        assertTrue(ConfigLine.parse("   \t ", "f", 1).isEmpty());
        assertTrue(ConfigLine.parse("# Port 22", "f", 1).isEmpty());
        assertTrue(ConfigLine.parse("   #comment", "f", 1).isEmpty());
        assertTrue(ConfigLine.parse("\r", "f", 1).isEmpty());
    }

    @Test
    void quotesGroupWordsAndAreRemoved() throws Exception {
        assertEquals(List.of("/tmp/with space", "b"), lex("IdentityFile \"/tmp/with space\" b").args());
        assertEquals(List.of("it's"), lex("X \"it's\"").args());
        assertEquals(List.of("B=two words"), lex("SetEnv B=\"two words\"").args());
        assertEquals(List.of("a b"), lex("X 'a b'").args());
        assertEquals(List.of("a b"), lex("X a\\ b").args());
        assertEquals(List.of("q\"q"), lex("X q\\\"q").args());
    }

    @Test
    void trailingCommentEndsTheArguments() throws Exception {
        ConfigLine l = lex("SendEnv A B # C D");
        assertEquals(List.of("A", "B"), l.args());
        assertEquals(List.of("a#b"), lex("X a#b").args());
    }

    @Test
    void restKeepsTheRawText() throws Exception {
        ConfigLine l = lex("ProxyCommand=ssh -W '%h:%p' jump  ");
        assertEquals("ssh -W '%h:%p' jump", l.rest());
        assertEquals(List.of("ssh", "-W", "%h:%p", "jump"), l.args());
    }

    @Test
    void unterminatedQuoteIsAnErrorWithLocation() {
        SshConfigException e = assertThrows(SshConfigException.class, () -> lex("IdentityFile \"oops"));
        assertEquals("f line 7: invalid quotes", e.getMessage());
        assertEquals(7, e.line());
    }

    @Test
    void keywordWithoutValueIsAnError() {
        SshConfigException e = assertThrows(SshConfigException.class, () -> lex("Port"));
        assertTrue(e.getMessage().startsWith("f line 7: no argument"), e.getMessage());
        assertThrows(SshConfigException.class, () -> lex("Port # only a comment"));
    }
}
