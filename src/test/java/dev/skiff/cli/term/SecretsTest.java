package dev.skiff.cli.term;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path dir;

    private Path script(String body) throws Exception {
        Path p = dir.resolve("askpass.sh");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void forcedAskpassGetsThePromptAndReturnsTheFirstLine() throws Exception {
        Path log = dir.resolve("prompt.txt");
        Path p = script("printf '%s' \"$1\" > " + log + "; echo 's3cr3t pässword'; echo second");
        char[] answer = Secrets.ask("Password: ", Map.of("SSH_ASKPASS", p.toString(), "SSH_ASKPASS_REQUIRE", "force"));
        assertArrayEquals("s3cr3t pässword".toCharArray(), answer);
        assertEquals("Password: ", Files.readString(log));
    }

    @Test
    void askpassFailureMeansCancelled() throws Exception {
        Path p = script("exit 1");
        assertNull(Secrets.ask("Password: ", Map.of("SSH_ASKPASS", p.toString(), "SSH_ASKPASS_REQUIRE", "force")));
    }

    @Test
    void askpassRules() {
        assertTrue(Secrets.useAskpass(Map.of("SSH_ASKPASS", "x", "SSH_ASKPASS_REQUIRE", "force")));
        assertTrue(!Secrets.useAskpass(Map.of("SSH_ASKPASS", "x", "SSH_ASKPASS_REQUIRE", "never")));
        assertTrue(!Secrets.useAskpass(Map.of("SSH_ASKPASS_REQUIRE", "force")));
    }

    @Test
    void readLineStopsAtNewlineAndDropsCr() throws Exception {
        char[] c = Secrets.readLine(new ByteArrayInputStream("abc\r\nrest".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals("abc".toCharArray(), c);
    }
}
