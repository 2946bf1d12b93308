package dev.skiff.ssh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.agent.AgentClient;
import dev.skiff.ssh.agent.AgentForwarding;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.testing.Peers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side agent forwarding: a program run by Skiff's server reaches the client's real
 * ssh-agent through SSH_AUTH_SOCK and auth-agent@openssh.com channels opened back to the client.
 */
class AgentForwardingServerTest {
    @TempDir
    Path dir;

    private static ServerPolicy policy(boolean agent) {
        return new ServerPolicy() {
            @Override
            public List<String> allowedMethods(AuthContext ctx) {
                return List.of("password");
            }

            @Override
            public AuthResult checkPassword(AuthContext ctx, char[] password) {
                return AuthResult.SUCCESS;
            }

            @Override
            public boolean allowSession(String user) {
                return true;
            }

            @Override
            public boolean allowAgentForwarding(String user) {
                return agent;
            }

            @Override
            public ServerCommand exec(SessionInfo session, String command) {
                return SystemCommands.exec(session, command);
            }
        };
    }

    private String runWithAgent(boolean allowed, Path agentSocket) throws Exception {
        try (SshServer server = SshServer.builder().addServerKey(SshKeyGenerator.generate("ssh-ed25519", 0))
                .policy(policy(allowed)).build()) {
            server.listen(new InetSocketAddress("127.0.0.1", 0));
            try (SshConnection c = SshServerTest.connect(server)) {
                c.authenticatePassword("anyone", "pw".toCharArray());
                SessionChannel s = c.openSession();
                AgentForwarding.enable(c, s, agentSocket, Duration.ofSeconds(10));
                s.exec("echo \"sock=${SSH_AUTH_SOCK:-none}\"; ssh-add -l; echo status=$?");
                s.stdin().close();
                String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
                s.close();
                return out;
            }
        }
    }

    @Test
    void programsReachTheClientsAgent() throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder(Peers.requirePeer("/usr/bin/ssh-agent").toString(), "-D", "-a", sock.toString())
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            SshKeyPair key = SshKeyGenerator.generate("ssh-ed25519", 0);
            try (AgentClient a = AgentClient.connect(sock)) {
                a.addIdentity(key, "forwarded-key");
            }
            Peers.requirePeer("/usr/bin/ssh-add");
            String out = runWithAgent(true, sock);
            assertTrue(out.contains(key.publicKey().sha256Fingerprint()), out);
            assertTrue(out.contains("forwarded-key"), out);
            assertTrue(out.contains("status=0"), out);
            assertFalse(out.contains("sock=none"), out);

            String refused = runWithAgent(false, sock);
            assertTrue(refused.contains("sock=none"), refused);
            assertFalse(refused.contains("status=0"), refused);
        } finally {
            agent.destroy();
        }
    }

    @Test
    void socketIsGoneAfterTheSession() throws Exception {
        Path sock = dir.resolve("agent2.sock");
        Process agent = new ProcessBuilder(Peers.requirePeer("/usr/bin/ssh-agent").toString(), "-D", "-a", sock.toString())
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            String out = runWithAgent(true, sock);
            String path = out.lines().filter(l -> l.startsWith("sock=")).findFirst().orElseThrow().substring(5);
            long deadline = System.currentTimeMillis() + 5000;
            while (Files.exists(Path.of(path)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(Files.exists(Path.of(path)), "the session's agent socket is removed: " + path);
            assertEquals(-1, out.indexOf("Could not open"), out);
        } finally {
            agent.destroy();
        }
    }
}
