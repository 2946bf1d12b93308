package dev.skiff.app.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app tests' server answers the scripted keyboard-interactive round and runs commands. */
class AppTestServerTest {
    @TempDir
    Path dir;

    @Test
    void twoPromptRoundThenExec() throws Exception {
        try (AppTestServer server = new AppTestServer(dir);
                SshConnection c = SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(), AppTestServer.KBDINT_USER),
                        SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL))) {
            c.authenticate(AuthenticationPlan.builder(AppTestServer.KBDINT_USER)
                    .keyboardInteractiveHandler((user, host, name, instruction, prompts) -> {
                        assertEquals(AppTestServer.KBDINT_NAME, name);
                        assertEquals(2, prompts.size());
                        return new char[][] {AppTestServer.PASSWORD.toCharArray(), AppTestServer.KBDINT_CODE.toCharArray()};
                    }).build());
            assertEquals(1, server.authSuccesses());
            assertEquals(1, server.keyboardInteractiveRounds());
            var s = c.exec("echo hi");
            assertEquals("hi\n", new String(s.stdout().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, s.waitFor(java.time.Duration.ofSeconds(10)).code());
        }
    }
}
