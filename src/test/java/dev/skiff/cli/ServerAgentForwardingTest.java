package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.agent.AgentClient;
import dev.skiff.ssh.agent.AgentForwarding;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.testing.Peers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff server --allow-agent-forwarding}: ssh -A works, and the no-agent-forwarding key option refuses it. */
class ServerAgentForwardingTest {
    private static final String ME = System.getProperty("user.name");
    private static final SshKeyPair OPEN = SshKeyGenerator.generate("ssh-ed25519", 0);
    private static final SshKeyPair NO_AGENT = SshKeyGenerator.generate("ssh-ed25519", 0);

    @TempDir
    Path dir;

    private static String listAgent(ServerCliFixture fx, SshKeyPair login, Path agentSocket) throws Exception {
        try (SshConnection c = fx.connect()) {
            c.authenticatePublicKey(ME, login);
            SessionChannel s = c.openSession();
            AgentForwarding.enable(c, s, agentSocket, Duration.ofSeconds(10));
            s.exec("ssh-add -l; echo status=$?");
            s.stdin().close();
            String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
            s.close();
            return out;
        }
    }

    @Test
    void agentForwardingWhenAllowed() throws Exception {
        Peers.requirePeer("/usr/bin/ssh-add");
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder(Peers.requirePeer("/usr/bin/ssh-agent").toString(), "-D", "-a", sock.toString())
                .redirectErrorStream(true).start();
        Files.writeString(dir.resolve("authorized_keys"), OPEN.publicKey().toOpenSshString() + "\n"
                + "no-agent-forwarding " + NO_AGENT.publicKey().toOpenSshString() + "\n");
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            SshKeyPair held = SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0);
            try (AgentClient a = AgentClient.connect(sock)) {
                a.addIdentity(held, "held-by-agent");
            }
            try (ServerCliFixture fx = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString(),
                    "--allow-agent-forwarding")) {
                String out = listAgent(fx, OPEN, sock);
                assertTrue(out.contains(held.publicKey().sha256Fingerprint()) && out.contains("status=0"), out);
                String refused = listAgent(fx, NO_AGENT, sock);
                assertFalse(refused.contains("status=0"), refused);
            }
            try (ServerCliFixture fx = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString())) {
                String off = listAgent(fx, OPEN, sock);
                assertFalse(off.contains("status=0"), "off without --allow-agent-forwarding: " + off);
            }
        } finally {
            agent.destroy();
        }
    }
}
