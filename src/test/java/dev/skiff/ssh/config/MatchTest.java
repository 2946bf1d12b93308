package dev.skiff.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchTest {
    @TempDir
    Path tmp;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tmp);
    }

    private int port(String config, String dest) throws Exception {
        return fx.eval(config, dest).port();
    }

    @Test
    void matchAll() throws Exception {
        assertEquals(5, port("Match all\n  Port 5\n", "h"));
        assertEquals(22, port("Match !all\n  Port 5\n", "h"));
    }

    @Test
    void matchHostUsesHostNameObtainedSoFar() throws Exception {
        assertEquals(5, port("Host alias\n  HostName real.example.com\nMatch host *.example.com\n  Port 5\n", "alias"));
        // HostName after the Match line does not count yet
        assertEquals(22, port("Match host *.example.com\n  Port 5\nHost alias\n  HostName real.example.com\n", "alias"));
        assertEquals(5, port("Match host ALIAS\n  Port 5\n", "alias"));
    }

    @Test
    void matchOriginalHostIgnoresHostName() throws Exception {
        String cfg = "Host alias\n  HostName real\nMatch originalhost alias\n  Port 5\n";
        assertEquals(5, port(cfg, "alias"));
        assertEquals(22, port("Host alias\n  HostName real\nMatch originalhost real\n  Port 5\n", "alias"));
    }

    @Test
    void matchUserAndLocalUser() throws Exception {
        assertEquals(5, port("Match user bob\n  Port 5\n", "bob@h"));
        assertEquals(22, port("Match user bob\n  Port 5\n", "h"));
        // without a configured user, Match user sees the local user
        assertEquals(5, port("Match user alice\n  Port 5\n", "h"));
        assertEquals(5, port("Match localuser al*\n  Port 5\n", "bob@h"));
        assertEquals(22, port("Match localuser !alice,*\n  Port 5\n", "h"));
    }

    @Test
    void negatedCriteriaAndConjunction() throws Exception {
        assertEquals(5, port("Match !host other\n  Port 5\n", "h"));
        assertEquals(22, port("Match !host h\n  Port 5\n", "h"));
        assertEquals(5, port("Match host h user bob\n  Port 5\n", "bob@h"));
        assertEquals(22, port("Match host h user bob\n  Port 5\n", "carol@h"));
        assertEquals(5, port("Match host h !user bob localuser alice\n  Port 5\n", "carol@h"));
    }

    @Test
    void execIsNotRunAndDoesNotMatch() throws Exception {
        assertEquals(22, port("Match exec \"true\"\n  Port 5\n", "h"));
        assertEquals(5, port("Match !exec \"false\"\n  Port 5\n", "h"));
    }

    @Test
    void matchFinalTriggersASecondPassOnTheFinalHostName() throws Exception {
        String cfg = "Host short\n  HostName long.example.com\nHost long.example.com\n  User viaFinal\n"
                + "Match final host long.example.com\n  Port 5\n";
        HostConfig c = fx.eval(cfg, "short");
        assertEquals(5, c.port());
        assertEquals("viaFinal", c.user());
        assertEquals(22, port("Match canonical\n  Port 5\n", "h"));
    }

    @Test
    void badMatchLinesAreErrors() throws Exception {
        for (String bad : List.of("Match", "Match host", "Match all host x", "Match colour blue", "Match user")) {
            fx.write(".ssh/config", bad + "\n");
            assertThrows(SshConfigException.class, () -> fx.evaluator("h").evaluate(), bad);
        }
    }
}
