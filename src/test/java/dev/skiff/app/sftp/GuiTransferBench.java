package dev.skiff.app.sftp;

import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Times one large file (default 256 MiB) up and down through the browser's transfer queue
 * ({@link TransferQueue} + {@link SftpTransferer}, progress updates included; a single-thread
 * executor stands in for the FX thread), through {@link SftpTransfers} directly, and through
 * OpenSSH's {@code sftp} client, all against the same Skiff server on loopback. Prints medians
 * and ratios. Not a test; run with
 * {@code mvn -B -q test-compile exec:java@gui-transfer-bench -Dexec.args="256 5"}
 * (size in MiB, runs).
 */
public final class GuiTransferBench {
    private GuiTransferBench() {
    }

    public static void main(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 256) << 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("skiff-bench");
        Path remote = Files.createDirectories(dir.resolve("remote"));
        Path local = Files.createDirectories(dir.resolve("local"));
        Path file = local.resolve("big.bin");
        SftpBrowserTransferIT.writeRandom(file, size);
        SshKeyPair key = SshKeyGenerator.generate("ssh-ed25519", 0);
        Path keyFile = dir.resolve("id_ed25519");
        PrivateKeyFiles.writePrivate(keyFile, key, null);
        ExecutorService workers = Executors.newCachedThreadPool();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try (AppTestServer server = new AppTestServer(remote);
                SshConnection c = SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(), "alice"),
                        SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL))) {
            server.allowKey(key.publicKey());
            c.authenticatePassword("alice", AppTestServer.PASSWORD.toCharArray());
            TransferSettings settings = TransferSettings.defaults().withAtomicUploads(false).withPreserve(false);
            TransferQueue queue = new TransferQueue(new SftpTransferer(c, () -> settings), workers, fx);
            String[] names = {"queue", "SftpTransfers", "OpenSSH sftp"};
            for (boolean upload : new boolean[] {true, false}) {
                double[] medians = new double[3];
                List<List<Double>> secs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                for (int r = -1; r < runs; r++) { // run -1 warms up; methods interleaved so load hits all alike
                    for (int k = 0; k < 3; k++) {
                        Path down = local.resolve("down.bin");
                        Files.deleteIfExists(down);
                        long t0 = System.nanoTime();
                        switch (k) {
                            case 0 -> viaQueue(queue, fx, upload, file, down);
                            case 1 -> direct(c, upload, file, down);
                            default -> openSsh(server.port(), keyFile, upload, file, down, dir);
                        }
                        if (r >= 0) {
                            secs.get(k).add((System.nanoTime() - t0) / 1e9);
                        }
                    }
                }
                for (int k = 0; k < 3; k++) {
                    Collections.sort(secs.get(k));
                    medians[k] = secs.get(k).get(runs / 2);
                }
                System.out.printf(Locale.ROOT, "%s %d MiB, median of %d:%n", upload ? "upload" : "download", size >> 20, runs);
                for (int k = 0; k < 3; k++) {
                    System.out.printf(Locale.ROOT, "  %-14s %7.3f s  %8.1f MiB/s  ratio to queue %.2f%n", names[k], medians[k],
                            (size >> 20) / medians[k], medians[k] / medians[0]);
                }
            }
        } finally {
            workers.shutdownNow();
            fx.shutdownNow();
            try (var s = Files.walk(dir)) {
                s.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void viaQueue(TransferQueue queue, ExecutorService fx, boolean upload, Path file, Path down)
            throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        TransferRequest r = upload ? new TransferRequest(true, file.toString(), "/big.bin", false, Files.size(file), false)
                : new TransferRequest(false, "/big.bin", down.toString(), false, Files.size(file), false);
        fx.submit(() -> {
            queue.setOnFinished(i -> done.countDown());
            queue.enqueue(r);
        }).get();
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("queue transfer timed out");
        }
    }

    private static void direct(SshConnection c, boolean upload, Path file, Path down) throws Exception {
        try (SftpClient s = c.sftp()) {
            if (upload) {
                SftpTransfers.upload(s, file, "/big.bin", TransferOptions.defaults());
            } else {
                SftpTransfers.download(s, "/big.bin", down, TransferOptions.defaults());
            }
        }
    }

    private static void openSsh(int port, Path key, boolean upload, Path file, Path down, Path dir) throws Exception {
        Path batch = dir.resolve("batch");
        Files.writeString(batch, upload ? "put " + file + " /big.bin\n" : "get /big.bin " + down + "\n");
        Process p = new ProcessBuilder("sftp", "-q", "-b", batch.toString(), "-i", key.toString(), "-P", Integer.toString(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "alice@127.0.0.1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sftp failed: " + out);
        }
    }
}
