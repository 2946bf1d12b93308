package dev.skiff.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.keys.PublicKeys;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.userauth.Identity;
import dev.skiff.ssh.wire.WireReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AgentClient} against a real OpenSSH ssh-agent holding keys made by ssh-keygen. */
class AgentClientTest {
    /** ssh-keygen arguments (type, bits) and the comment each key gets. */
    private static final Map<String, String[]> KEYS = Map.of(
            "id_ed25519", new String[] {"ed25519", "0", "skiff test ed25519"},
            "id_ecdsa256", new String[] {"ecdsa", "256", "skiff test ecdsa 256"},
            "id_ecdsa384", new String[] {"ecdsa", "384", "skiff test ecdsa 384"},
            "id_ecdsa521", new String[] {"ecdsa", "521", "ecdsa521@example"},
            "id_rsa", new String[] {"rsa", "2048", "rsa key, with comma"});

    @TempDir
    static Path keyDir;
    @TempDir
    Path dir;
    private RealAgent agent;
    private AgentClient client;

    @BeforeAll
    static void makeKeys() throws Exception {
        RealAgent.requirePrograms();
        for (var e : KEYS.entrySet()) {
            String[] a = e.getValue();
            RealAgent.keygen(keyDir, e.getKey(), a[0], Integer.parseInt(a[1]), a[2]);
        }
    }

    @BeforeEach
    void startAgent() throws Exception {
        agent = RealAgent.start(dir);
        for (String name : KEYS.keySet()) {
            agent.sshAdd(keyDir.resolve(name).toString());
        }
        client = AgentClient.connect(agent.socket(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (client != null) {
            client.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void listsTheKeysWithTheCommentsSshAddShows() throws Exception {
        List<RealAgent.Listed> listed = agent.list();
        List<AgentIdentity> keys = client.listKeys();
        assertEquals(KEYS.size(), listed.size());
        assertEquals(listed.size(), keys.size());
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(listed.get(i).fingerprint(), keys.get(i).key().sha256Fingerprint());
            assertEquals(listed.get(i).comment(), keys.get(i).comment());
        }
        Set<String> comments = keys.stream().map(AgentIdentity::comment).collect(Collectors.toSet());
        assertEquals(KEYS.values().stream().map(a -> a[2]).collect(Collectors.toSet()), comments);
        for (AgentIdentity k : keys) {
            String pub = Files.readString(keyDir.resolve(nameFor(k.comment()) + ".pub"));
            assertEquals(PublicKeys.parseOpenSsh(pub).toOpenSshString(), k.key().toOpenSshString());
        }
    }

    @Test
    void signsWithEveryKeyAndAlgorithmAndTheSignaturesVerify() throws Exception {
        List<Identity> identities = client.identities();
        assertEquals(KEYS.size(), identities.size());
        int checked = 0;
        for (Identity id : identities) {
            assertTrue(id.description().startsWith("agent: "), id.description());
            for (SignatureAlgorithm alg : SignatureAlgorithm.forKeyType(id.publicKey().keyType())) {
                byte[] data = ("session id and request for " + alg).getBytes(StandardCharsets.UTF_8);
                byte[] sig = id.sign(alg, data);
                assertEquals(alg.wireName(), new WireReader(sig).ascii());
                assertTrue(alg.verify(id.publicKey(), data, sig), alg.wireName());
                checked++;
            }
        }
        assertEquals(1 + 3 + 3, checked);
    }

    @Test
    void aKeyTheAgentDoesNotHoldIsRefused() throws Exception {
        SshPublicKey stranger = SshKeyGenerator.generate("ssh-ed25519", 0).publicKey();
        AgentException e = assertThrows(AgentException.class,
                () -> client.sign(stranger, SignatureAlgorithm.SSH_ED25519, new byte[] {1}));
        assertTrue(e.getMessage().startsWith("agent refused to sign with ssh-ed25519 SHA256:"), e.getMessage());
        assertThrows(AgentException.class, () -> client.removeIdentity(stranger));
        assertThrows(IllegalArgumentException.class, () -> client.sign(stranger, SignatureAlgorithm.RSA_SHA2_256, new byte[] {1}));
        // the connection is still usable after a refusal
        assertEquals(KEYS.size(), client.listKeys().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"})
    void addsSkiffGeneratedKeysThatSshAddListsAndTheAgentSignsWith(String keyType) throws Exception {
        SshKeyPair pair = SshKeyGenerator.generate(keyType, keyType.equals("ssh-rsa") ? 2048 : 0);
        String comment = "added by skiff " + keyType;
        client.addIdentity(pair, comment);
        RealAgent.Listed added = agent.list().stream().filter(l -> l.comment().equals(comment)).findFirst().orElseThrow();
        assertEquals(pair.publicKey().sha256Fingerprint(), added.fingerprint());
        for (SignatureAlgorithm alg : SignatureAlgorithm.forKeyType(keyType)) {
            byte[] data = {1, 2, 3};
            assertTrue(alg.verify(pair.publicKey(), data, client.sign(pair.publicKey(), alg, data)), alg.wireName());
        }
        client.removeIdentity(pair.publicKey());
        assertTrue(agent.list().stream().noneMatch(l -> l.comment().equals(comment)));
    }

    @Test
    void removeAllLeavesAnEmptyAgent() throws Exception {
        client.removeAllIdentities();
        assertEquals(List.of(), client.listKeys());
        assertEquals(List.of(), agent.list());
    }

    @Test
    void lockHidesTheKeysUntilUnlockedWithTheRightPassphrase() throws Exception {
        client.lock("secret".toCharArray());
        assertEquals(List.of(), client.listKeys());
        AgentException wrong = assertThrows(AgentException.class, () -> client.unlock("wrong".toCharArray()));
        assertEquals("agent refused to unlock", wrong.getMessage());
        client.unlock("secret".toCharArray());
        assertEquals(KEYS.size(), client.listKeys().size());
    }

    @Test
    void certificatesAreSkippedNotFatal() throws Exception {
        Path ca = RealAgent.keygen(dir, "ca", "ed25519", 0, "ca");
        Path user = RealAgent.keygen(dir, "certified", "ed25519", 0, "certified key");
        RealAgent.run(null, List.of(RealAgent.SSH_KEYGEN, "-q", "-s", ca.toString(), "-I", "test", "-n", "alice",
                user + ".pub"));
        agent.sshAdd(user.toString());
        assertEquals(KEYS.size() + 2, agent.list().size(), "ssh-add adds the key and its certificate");
        List<AgentIdentity> keys = client.listKeys();
        assertEquals(KEYS.size() + 1, keys.size());
        assertTrue(keys.stream().noneMatch(k -> k.key().keyType().contains("cert")));
        assertTrue(keys.stream().anyMatch(k -> k.comment().equals("certified key")));
    }

    @Test
    void environmentSelectsTheSocket() throws Exception {
        assertTrue(AgentClient.fromEnvironment(Map.of(), Duration.ofSeconds(1)).isEmpty());
        assertTrue(AgentClient.fromEnvironment(Map.of("SSH_AUTH_SOCK", " "), Duration.ofSeconds(1)).isEmpty());
        try (AgentClient c = AgentClient.fromEnvironment(Map.of("SSH_AUTH_SOCK", agent.socket().toString()),
                Duration.ofSeconds(5)).orElseThrow()) {
            assertEquals(KEYS.size(), c.listKeys().size());
        }
        assertThrows(AgentException.class, () -> AgentClient.fromEnvironment(
                Map.of("SSH_AUTH_SOCK", dir.resolve("nothing-here").toString()), Duration.ofSeconds(1)));
    }

    @Test
    void aClosedClientFailsWithAnAgentException() throws Exception {
        List<Identity> ids = client.identities();
        client.close();
        client.close();
        assertThrows(AgentException.class, () -> client.listKeys());
        assertThrows(AgentException.class, () -> ids.get(0).sign(SignatureAlgorithm.forKeyType(ids.get(0).publicKey().keyType()).get(0), new byte[1]));
    }

    @Test
    void aDeadAgentIsAnAgentException() throws Exception {
        agent.close();
        assertThrows(AgentException.class, () -> client.listKeys());
        assertThrows(AgentException.class, () -> client.listKeys());
    }

    private static String nameFor(String comment) {
        return KEYS.entrySet().stream().filter(e -> e.getValue()[2].equals(comment)).findFirst().orElseThrow().getKey();
    }
}
