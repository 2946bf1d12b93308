package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.config.ConfigSource;
import dev.skiff.ssh.config.Destination;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.LocalContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedHostConnectOptionsTest {
    @TempDir
    Path dir;
    HostStore store;

    @BeforeEach
    void open() {
        store = HostStore.open(new AppDirs(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static SavedHost host(String label, String host, int port, String user, AuthPreference auth,
            String identity, String jump, Map<String, String> env, List<PortForward> fwd, int keepalive) {
        return new SavedHost(null, label, host, port, user, auth, identity, jump, "", env, fwd, keepalive, "", "");
    }

    @Test
    void everyFieldMapsToTheHostConfig() throws Exception {
        SavedHost h = host("Web", "web.example.com", 2222, "alice", AuthPreference.KEY_FILE, "/keys/my key",
                "jumper@bastion:2200", Map.of("LANG", "C.UTF-8", "MSG", "hello world"),
                List.of(PortForward.parse("L 8080:localhost:80"), PortForward.parse("R 0.0.0.0:9000:[::1]:9000"),
                        PortForward.parse("D 127.0.0.1:1080")), 15);
        HostConfig c = SavedHostConnectOptions.evaluate(h, store, false);
        assertEquals("web.example.com", c.hostName());
        assertEquals("alice", c.user());
        assertEquals(2222, c.port());
        assertEquals(List.of(Path.of("/keys/my key")), c.identityFiles());
        assertTrue(c.identitiesOnly());
        assertEquals(List.of(Destination.parseHop("jumper@bastion:2200").orElseThrow()), c.proxyJump());
        assertEquals(Duration.ofSeconds(15), c.serverAliveInterval());
        assertEquals(Map.of("LANG", "C.UTF-8", "MSG", "hello world"), c.setEnv());
        assertEquals(List.of("publickey", "keyboard-interactive", "password"), c.preferredAuthentications());
        assertEquals(8080, c.localForwards().get(0).listenPort());
        assertEquals("localhost", c.localForwards().get(0).connectHost().orElseThrow());
        assertEquals("0.0.0.0", c.remoteForwards().get(0).listenHost().orElseThrow());
        assertEquals("::1", c.remoteForwards().get(0).connectHost().orElseThrow());
        assertEquals(1080, c.dynamicForwards().get(0).listenPort());
    }

    @Test
    void authPreferenceOrdersMethods() throws Exception {
        SavedHost pw = host("p", "h", 22, "", AuthPreference.PASSWORD, "", "", Map.of(), List.of(), 0);
        HostConfig c = SavedHostConnectOptions.evaluate(pw, store, false);
        assertEquals("password", c.preferredAuthentications().get(0));
        assertFalse(c.identitiesOnly());
        assertFalse(c.keepaliveEnabled());
        assertTrue(c.proxyJump().isEmpty());
        SavedHost kbd = host("k", "h", 22, "", AuthPreference.KEYBOARD_INTERACTIVE, "", "", Map.of(), List.of(), 0);
        assertEquals("keyboard-interactive",
                SavedHostConnectOptions.evaluate(kbd, store, false).preferredAuthentications().get(0));
    }

    @Test
    void jumpHostNamingSavedHostsResolvesTheChain() throws Exception {
        SavedHost outer = host("Outer", "outer.example", 22, "o", AuthPreference.AGENT, "", "gw@edge:2022",
                Map.of(), List.of(), 0);
        SavedHost inner = host("Inner", "10.0.0.1", 2200, "", AuthPreference.AGENT, "", "outer", Map.of(), List.of(), 0);
        store.put(outer);
        store.put(inner);
        SavedHost target = host("T", "t.internal", 22, "me", AuthPreference.AGENT, "", inner.id(), Map.of(),
                List.of(), 0);
        assertEquals("gw@edge:2022,o@outer.example,10.0.0.1:2200", SavedHostConnectOptions.proxyJump(target, store));
        assertEquals(List.of(outer, inner), SavedHostConnectOptions.savedJumpHosts(target, store));
        HostConfig c = SavedHostConnectOptions.evaluate(target, store, false);
        assertEquals(3, c.proxyJump().size());
        assertEquals(2200, c.proxyJump().get(2).port().getAsInt());

        store.put(outer.withId(outer.id()).withLabel("Outer"));
        SavedHost loopA = host("A", "a", 22, "", AuthPreference.AGENT, "", "B", Map.of(), List.of(), 0);
        SavedHost loopB = host("B", "b", 22, "", AuthPreference.AGENT, "", "A", Map.of(), List.of(), 0);
        store.putAll(List.of(loopA, loopB));
        assertThrows(IllegalArgumentException.class, () -> SavedHostConnectOptions.proxyJump(loopA, store));
    }

    @Test
    void sshConfigStillFillsInWhatTheSavedHostLeavesOpen() throws Exception {
        Path cfg = dir.resolve("config");
        Files.writeString(cfg, """
                Host web.example.com
                    User fromconfig
                    Port 4444
                    Compression yes
                    IdentityFile /keys/from-config
                """);
        LocalContext local = new LocalContext("bob", dir, "box", Map.of());
        SavedHost h = host("Web", "web.example.com", 2222, "", AuthPreference.AGENT, "/keys/saved", "", Map.of(),
                List.of(), 0);
        HostConfig c = SavedHostConnectOptions.evaluator(h, store).local(local)
                .sources(List.of(ConfigSource.user(cfg, true, local))).evaluate();
        assertEquals("fromconfig", c.user());
        assertEquals(2222, c.port());
        assertTrue(c.compression());
        assertEquals(List.of(Path.of("/keys/saved"), Path.of("/keys/from-config")), c.identityFiles());
    }
}
