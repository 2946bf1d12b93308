package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.forward.ProxyCommand;
import dev.skiff.ssh.forward.ProxyJump;
import dev.skiff.ssh.forward.ThreadCheck;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.knownhosts.KnownHostsVerifier;
import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import dev.skiff.testing.Exec;
import dev.skiff.testing.OpenSshServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ProxyJump through two real sshd jump hosts to a third (OpenSSH regress "proxyjump"-like), and
 * ProxyCommand with OpenSSH's own {@code ssh -W %h:%p jump}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);
    private static final Duration T = Duration.ofSeconds(30);
    private OpenSshServer jump1;
    private OpenSshServer jump2;
    private OpenSshServer target;
    private Path dir;
    private Path knownHosts;
    private Path sshKey;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("skiff-proxy-it");
        sshKey = dir.resolve("id_ed25519");
        Exec.output(OpenSshServer.SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "skiff-proxy-it", "-f", sshKey.toString());
        String sshPub = Files.readString(dir.resolve("id_ed25519.pub")).strip();
        jump1 = sshd(sshPub);
        jump2 = sshd(null);
        target = sshd(null);
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, jump1.knownHostsText() + jump2.knownHostsText() + target.knownHostsText());
    }

    private static OpenSshServer sshd(String extraKey) {
        OpenSshServer.Builder b = OpenSshServer.builder().hostKeyTypes("ed25519").config("AllowTcpForwarding yes")
                .authorizedKey(KEY.publicKey().toOpenSshString());
        if (extraKey != null) {
            b.authorizedKey(extraKey);
        }
        return b.start();
    }

    @AfterAll
    void stop() {
        for (OpenSshServer s : new OpenSshServer[] {jump1, jump2, target}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private SshClientConfig config(Path knownHostsFile) {
        return SshClientConfig.of(PeerMatrix.base().build(),
                new KnownHostsVerifier(List.of(knownHostsFile), StrictHostKeyChecking.YES, null));
    }

    private static ConnectSpec spec(OpenSshServer s) {
        return new ConnectSpec(s.host(), s.host(), s.port(), s.user());
    }

    private static String run(SshConnection c, String command) throws Exception {
        SessionChannel s = c.exec(command);
        s.stdin().close();
        String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
        s.waitFor(T);
        s.close();
        return out;
    }

    private static List<String> readers(OpenSshServer s) {
        return ThreadCheck.live("ssh-read-").stream().filter(n -> n.endsWith("127.0.0.1:" + s.port())
                || n.contains("127.0.0.1:" + s.port() + "-via-")).toList();
    }

    private static List<String> awaitNoReaders(OpenSshServer... servers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        List<String> left;
        do {
            left = new java.util.ArrayList<>();
            for (OpenSshServer s : servers) {
                left.addAll(readers(s));
            }
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return left;
    }

    @Test
    void proxyJumpThroughTwoHosts() throws Exception {
        List<ConnectSpec> hops = ProxyJump.parse(jump1.user() + "@127.0.0.1:" + jump1.port() + ",127.0.0.1:"
                + jump2.port(), jump2.user());
        List<String> loggedIn = new CopyOnWriteArrayList<>();
        SshConnection c = ProxyJump.connect(hops, spec(target), s -> config(knownHosts), hop -> {
            hop.authenticatePublicKey(hop.spec().user(), KEY);
            loggedIn.add(hop.spec().displayName());
        });
        try {
            assertEquals(List.of("[127.0.0.1]:" + jump1.port(), "[127.0.0.1]:" + jump2.port()), loggedIn);
            assertTrue(c.serverVersion().startsWith("SSH-2.0-OpenSSH"), c.serverVersion());
            assertEquals(target.hostKeyPublicLines().get("ssh-ed25519").split(" ")[1],
                    c.hostKey().toOpenSshString().split(" ")[1]);
            c.authenticatePublicKey(target.user(), KEY);
            assertEquals("hello from the target\n", run(c, "echo hello from the target"));
            // the target saw a connection from its own loopback (jump2 connected it)
            assertTrue(run(c, "echo $SSH_CONNECTION").startsWith("127.0.0.1 "));
            assertEquals(1, readers(jump1).size());
        } finally {
            c.close();
        }
        assertFalse(c.isOpen());
        assertEquals(List.of(), awaitNoReaders(jump1, jump2, target), "closing the target closes its hops");
    }

    @Test
    void wrongHostKeyOnSecondHopIsRefused() throws Exception {
        // jump2's entry carries the target's key: CHANGED, refused before anything is sent to jump2
        String wrong = jump1.knownHostsText() + "[127.0.0.1]:" + jump2.port() + " "
                + target.hostKeyPublicLines().get("ssh-ed25519").split(" ", 3)[0] + " "
                + target.hostKeyPublicLines().get("ssh-ed25519").split(" ", 3)[1] + "\n" + target.knownHostsText();
        Path bad = dir.resolve("known_hosts_wrong");
        Files.writeString(bad, wrong);
        List<String> loggedIn = new CopyOnWriteArrayList<>();
        List<ConnectSpec> hops = List.of(spec(jump1), spec(jump2));
        assertThrows(HostKeyRejectedException.class, () -> ProxyJump.connect(hops, spec(target), s -> config(bad),
                hop -> {
                    hop.authenticatePublicKey(hop.spec().user(), KEY);
                    loggedIn.add(hop.spec().displayName());
                }));
        assertEquals(List.of("[127.0.0.1]:" + jump1.port()), loggedIn, "no login attempt on hop 2");
        assertEquals(List.of(), awaitNoReaders(jump1, jump2, target), "hop 1 closed after the failure");
    }

    @Test
    void connectViaLeavesTheCallersJumpHostOpen() throws Exception {
        try (SshConnection jump = SshClient.connect(spec(jump1), config(knownHosts))) {
            jump.authenticatePublicKey(jump1.user(), KEY);
            try (SshConnection c = SshClient.connectVia(jump, spec(target), config(knownHosts))) {
                c.authenticatePublicKey(target.user(), KEY);
                assertEquals("via\n", run(c, "echo via"));
            }
            assertTrue(jump.isOpen());
            assertEquals("still\n", run(jump, "echo still"));
            assertEquals(List.of(), awaitNoReaders(target));
        }
    }

    @Test
    void proxyJumpToRefusedPortFailsCleanly() throws Exception {
        SshException e = assertThrows(SshException.class, () -> ProxyJump.connect(List.of(spec(jump1)),
                new ConnectSpec("127.0.0.1", "127.0.0.1", 1, target.user()), s -> config(knownHosts),
                hop -> hop.authenticatePublicKey(hop.spec().user(), KEY)));
        assertTrue(e.getMessage().contains("connect failed"), e.getMessage());
        assertEquals(List.of(), awaitNoReaders(jump1));
    }

    @Test
    void proxyCommandWithOpenSshStdioForwarding() throws Exception {
        String command = "/usr/bin/ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -i " + sshKey
                + " -o UserKnownHostsFile=" + knownHosts + " -o GlobalKnownHostsFile=/dev/null"
                + " -o StrictHostKeyChecking=yes -p " + jump1.port() + " -l %r -W %h:%p 127.0.0.1";
        List<String> stderr = new CopyOnWriteArrayList<>();
        SshConnection c = ProxyCommand.connect(command, spec(target), config(knownHosts), stderr::add);
        try {
            assertTrue(c.serverVersion().startsWith("SSH-2.0-OpenSSH"), c.serverVersion());
            assertTrue(c.kexCount() >= 1);
            c.authenticatePublicKey(target.user(), KEY);
            assertEquals("proxied\n", run(c, "echo proxied"));
        } finally {
            c.close();
        }
        assertEquals(List.of(), ThreadCheck.awaitNone("skiff-proxy-stderr-", 5000));
        assertEquals(List.of(), ThreadCheck.live("ssh-read-").stream().filter(n -> n.contains("proxy-command")).toList());
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("").endsWith("/ssh")),
                "the ssh -W process is gone");
    }

    @Test
    void proxyCommandThatExitsFailsTheHandshake() throws Exception {
        List<String> stderr = new CopyOnWriteArrayList<>();
        assertThrows(TransportException.class, () -> ProxyCommand.connect("sh -c 'echo no route to %h >&2; exit 1'",
                spec(target), config(knownHosts), stderr::add));
        assertEquals(List.of(), ThreadCheck.awaitNone("skiff-proxy-stderr-", 5000));
        assertEquals(List.of("no route to 127.0.0.1"), stderr);
    }
}
