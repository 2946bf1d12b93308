package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.cli.ServerCliFixture;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Load on {@code skiff server}: 50 concurrent Skiff clients, each running 10 exec sessions and an
 * 8 MiB SFTP upload and download, all data identical; afterwards the server's thread count is
 * back at its baseline. Handshakes are limited to 8 at a time (the server's MaxStartups is 10);
 * everything after authentication runs concurrently. Bounded to 5 minutes on 2 cores.
 */
class ServerLoadIT {
    static final int CLIENTS = 50;
    static final int EXECS = 10;

    @Test
    void fiftyClientsExecAndSftp() throws Exception {
        Path dir = Files.createTempDirectory("skiff-server-load");
        Path root = Files.createDirectories(dir.resolve("root"));
        SshKeyPair key = SshKeyGenerator.generate("ssh-ed25519", 0);
        Files.writeString(dir.resolve("authorized_keys"), key.publicKey().toOpenSshString() + "\n");
        byte[] data = new byte[8 << 20];
        new Random(7).nextBytes(data);
        Path source = dir.resolve("source.bin");
        Files.write(source, data);
        String me = System.getProperty("user.name");
        try (ServerCliFixture fx = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString(),
                "--root", root.toString())) {
            int baseline = fx.server.threadCount();
            Semaphore handshakes = new Semaphore(8);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long t0 = System.nanoTime();
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    SshConnection c;
                    handshakes.acquire();
                    try {
                        c = fx.connect();
                        c.authenticatePublicKey(me, key);
                    } finally {
                        handshakes.release();
                    }
                    try (c) {
                        for (int e = 0; e < EXECS; e++) {
                            SessionChannel s = c.exec("echo " + n + "-" + e);
                            s.stdin().close();
                            String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
                            ExitStatus st = s.waitFor(ServerCliFixture.T);
                            s.close();
                            assertEquals(n + "-" + e + "\n", out);
                            assertEquals(ExitStatus.ofCode(0), st);
                        }
                        try (SftpClient sftp = SftpClient.open(c, ServerCliFixture.T)) {
                            SftpTransfers.upload(sftp, source, "/up-" + n + ".bin", TransferOptions.defaults());
                            Path back = dir.resolve("back-" + n + ".bin");
                            SftpTransfers.download(sftp, "/up-" + n + ".bin", back, TransferOptions.defaults());
                            assertArrayEquals(data, Files.readAllBytes(back));
                            Files.delete(back);
                        }
                        assertArrayEquals(data, Files.readAllBytes(root.resolve("up-" + n + ".bin")));
                        Files.delete(root.resolve("up-" + n + ".bin"));
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "load did not finish in 5 minutes");
            for (Future<?> f : results) {
                f.get();
            }
            System.out.printf("ServerLoadIT: %d clients in %.1f s%n", CLIENTS, (System.nanoTime() - t0) / 1e9);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (fx.server.threadCount() > baseline && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(baseline, fx.server.threadCount(), "server threads after the load");
            assertEquals(0, fx.server.connectionCount());
        }
    }
}
