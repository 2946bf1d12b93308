package dev.skiff.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDemoServerTest {
    @TempDir
    Path home;

    @Test
    void servesTheUsersShellAndHomeToItsOneTimeKeyOnly() throws Exception {
        Files.writeString(home.resolve("hello.txt"), "hi");
        try (LocalDemoServer demo = LocalDemoServer.start(home)) {
            assertEquals("127.0.0.1", demo.host());
            try (SshConnection c = demo.connect()) {
                var s = c.exec("echo demo-$((6*7))");
                assertEquals("demo-42\n", new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(0, s.waitFor(Duration.ofSeconds(20)).code());
                try (var sftp = c.sftp()) {
                    // the whole file system, as the shell sees it, starting in home
                    String real = home.toRealPath().toString();
                    assertEquals(real, sftp.realpath("."));
                    assertEquals(2, sftp.stat("hello.txt").size());
                    assertEquals(2, sftp.stat(real + "/hello.txt").size());
                    assertEquals(real, sftp.realpath(sftp.expandPath("~")));
                    assertEquals("/", sftp.realpath(real + "/../../../../../../.."));
                }
            }
            try (SshConnection other = SshClient.connect(new ConnectSpec(demo.host(), demo.host(), demo.port(), demo.user()),
                    SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL))) {
                assertThrows(AuthenticationException.class,
                        () -> other.authenticatePublicKey(demo.user(), SshKeyGenerator.generate("ssh-ed25519", 0)));
            }
        }
    }
}
