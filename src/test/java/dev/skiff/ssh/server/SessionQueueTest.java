package dev.skiff.ssh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** paramiko-style accept(timeout): the application gets the client's sessions and serves them itself. */
class SessionQueueTest {
    @Test
    void applicationServesAcceptedSessions() throws Exception {
        SessionQueue queue = new SessionQueue();
        ServerPolicy policy = new ServerPolicy() {
            @Override
            public java.util.List<String> allowedMethods(AuthContext ctx) {
                return java.util.List.of("password");
            }

            @Override
            public AuthResult checkPassword(AuthContext ctx, char[] password) {
                return new String(password).equals("pw") ? AuthResult.SUCCESS : AuthResult.FAILURE;
            }

            @Override
            public boolean allowSession(String user) {
                return true;
            }

            @Override
            public ServerCommand exec(SessionInfo session, String command) {
                return queue.command(session, command);
            }
        };
        try (SshServer server = SshServer.builder().addServerKey(SshKeyGenerator.generate("ssh-ed25519", 0)).policy(policy)
                .build()) {
            server.listen(new InetSocketAddress("127.0.0.1", 0));
            assertNull(queue.accept(Duration.ofMillis(50)), "nothing opened yet");
            try (SshConnection c = SshServerTest.connect(server)) {
                c.authenticatePassword("alice", "pw".toCharArray());
                SessionChannel s = c.exec("greet");
                AcceptedSession accepted = queue.accept(Duration.ofSeconds(10));
                assertNotNull(accepted);
                assertEquals("greet", accepted.command());
                assertEquals("alice", accepted.info().user());
                s.stdin().write("world\n".getBytes(StandardCharsets.US_ASCII));
                s.stdin().close();
                String name = new String(accepted.in().readAllBytes(), StandardCharsets.US_ASCII).trim();
                accepted.out().write(("hello " + name + "\n").getBytes(StandardCharsets.US_ASCII));
                accepted.out().flush();
                accepted.exit(7);
                assertEquals("hello world\n", new String(s.stdout().readAllBytes(), StandardCharsets.US_ASCII));
                assertEquals(7, s.waitFor(Duration.ofSeconds(10)).code());
                s.close();
            }
        }
    }
}
