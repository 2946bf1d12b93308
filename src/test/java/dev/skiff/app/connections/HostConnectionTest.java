package dev.skiff.app.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.ConnectInteraction;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.SshConfigEvaluator;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.userauth.Prompt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HostConnection#open} against a real server: forwards that fail are warnings (or fail the
 * connection with ExitOnForwardFailure), SetEnv and SendEnv make the session environment.
 */
class HostConnectionTest {
    @TempDir
    Path dir;
    private AppTestServer server;
    private ServerSocket busy;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new AppTestServer(dir);
        busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        busy.close();
        server.close();
    }

    private HostConfig config(String... options) throws SshException {
        SshConfigEvaluator e = new SshConfigEvaluator().destination(server.host()).port(server.port())
                .user(AppTestServer.PASSWORD_USER).configFile("none").option("PreferredAuthentications=password");
        for (String o : options) {
            e.option(o);
        }
        return e.evaluate();
    }

    @Test
    void aForwardThatFailsIsAWarningAndTheEnvironmentIsKept() throws Exception {
        HostConfig cfg = config("LocalForward " + busy.getLocalPort() + " 127.0.0.1:9", "SetEnv FOO=bar",
                "SendEnv SKIFF_T_*");
        HostConnection h = HostConnection.open(cfg, hop -> cfg, Map.of("SKIFF_T_A", "1", "OTHER", "2"), ui());
        try {
            assertTrue(h.connection().isOpen());
            assertEquals(1, h.warnings().size(), h.warnings().toString());
            assertTrue(h.warnings().get(0).startsWith("Warning: LocalForward " + busy.getLocalPort()), h.warnings().get(0));
            assertEquals(h.warnings(), warnings);
            assertEquals(Map.of("SKIFF_T_A", "1", "FOO", "bar"), h.environment().variables());
            SessionChannel s = h.connection().openSession();
            assertEquals(List.of(), h.environment().sendTo(s));
            s.close();
            assertTrue(server.envRequests().containsAll(List.of("SKIFF_T_A=1", "FOO=bar")), server.envRequests().toString());
            assertFalse(server.envRequests().contains("OTHER=2"));
        } finally {
            h.connection().close();
        }
    }

    @Test
    void exitOnForwardFailureFailsTheConnection() throws Exception {
        HostConfig cfg = config("LocalForward " + busy.getLocalPort() + " 127.0.0.1:9", "ExitOnForwardFailure yes");
        assertTrue(cfg.exitOnForwardFailure());
        SshException e = assertThrows(SshException.class, () -> HostConnection.open(cfg, hop -> cfg, Map.of(), ui()));
        assertTrue(e.getMessage().contains("LocalForward " + busy.getLocalPort()), e.getMessage());
        assertEquals(1, server.authSuccesses());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.connectionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.connectionCount(), "the connection is closed");
    }

    @Test
    void closingAChannelOnAnInterruptedThreadKeepsTheConnection() throws Exception {
        HostConfig cfg = config();
        HostConnection h = HostConnection.open(cfg, hop -> cfg, Map.of(), ui());
        try {
            SessionChannel s = h.connection().openSession();
            s.exec("sleep 30");
            Thread.currentThread().interrupt();
            s.close(); // a terminal's emulator thread is interrupted when its tab closes
            assertTrue(Thread.interrupted());
            // the peer's CLOSE arrives for a channel still known: the connection goes on
            SessionChannel next = h.connection().openSession();
            next.exec("true");
            next.close();
            assertTrue(h.connection().isOpen());
        } finally {
            h.connection().close();
        }
    }

    private ConnectInteraction ui() {
        return new ConnectInteraction() {
            @Override
            public HostKeyVerifier hostKeyVerifier(HostConfig cfg) {
                return HostKeyVerifier.ACCEPT_ALL;
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public char[] password(String user, String host, int attempt) {
                return AppTestServer.PASSWORD.toCharArray();
            }

            @Override
            public char[][] answer(String user, String host, String name, String instruction, List<Prompt> prompts) {
                return null;
            }

            @Override
            public void banner(String text) {
            }

            @Override
            public char[] passphrase(String keyDescription, int attempt) {
                return null;
            }
        };
    }
}
