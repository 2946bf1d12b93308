package dev.skiff.app.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tabs to one host share one real connection, which closes with the last lease. */
class ConnectionManagerTest {
    @TempDir
    Path dir;
    private AppTestServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final AtomicInteger opened = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new AppTestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    private SshConnection login(String password) throws Exception {
        opened.incrementAndGet();
        SshConnection c = SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(), "alice"),
                SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL));
        try {
            c.authenticatePassword("alice", password.toCharArray());
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    @Test
    void twoLeasesShareOneLoginAndTheLastReleaseCloses() throws Exception {
        try (ConnectionManager m = new ConnectionManager(workers)) {
            var a = m.acquire("alice@test", () -> login(AppTestServer.PASSWORD)).get(30, TimeUnit.SECONDS);
            var b = m.acquire("alice@test", () -> login(AppTestServer.PASSWORD)).get(30, TimeUnit.SECONDS);
            assertSame(a.connection(), b.connection());
            assertEquals(1, opened.get());
            assertEquals(1, server.authSuccesses());
            assertEquals(2, m.leases("alice@test"));
            a.close();
            a.close(); // twice is once
            assertTrue(b.connection().isOpen());
            b.close();
            assertEquals(0, m.connectionCount());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (b.connection().isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(b.connection().isOpen());
            var c = m.acquire("alice@test", () -> login(AppTestServer.PASSWORD)).get(30, TimeUnit.SECONDS);
            assertEquals(2, opened.get());
            c.close();
        }
    }

    @Test
    void aFailedOpenIsReportedAndRetriedByTheNextAcquire() throws Exception {
        try (ConnectionManager m = new ConnectionManager(workers)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> m.acquire("k", () -> login("wrong")).get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof AuthenticationException, e.getCause().toString());
            assertEquals(0, m.leases("k"));
            var ok = m.acquire("k", () -> login(AppTestServer.PASSWORD)).get(30, TimeUnit.SECONDS);
            assertTrue(ok.connection().isOpen());
            ok.close();
        }
    }
}
