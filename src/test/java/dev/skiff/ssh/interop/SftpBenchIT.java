package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.transfer.RemoteChecksum;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import dev.skiff.ssh.sftp.transfer.TransferResult;
import dev.skiff.testing.OpenSshServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Throughput of Skiff's SFTP transfers next to OpenSSH's {@code sftp -b} on the same loopback
 * server, same file, same cipher. Prints numbers, asserts only correctness. Runs with
 * {@code -Dskiff.sftp.bench=true} (size: {@code -Dskiff.sftp.bench.mib}, default 256).
 */
class SftpBenchIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);

    @Test
    void throughputVersusOpenSshSftp() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("skiff.sftp.bench"), "benchmark disabled");
        long size = Long.getLong("skiff.sftp.bench.mib", 256) << 20;
        String cipher = System.getProperty("skiff.sftp.bench.cipher", "aes128-gcm@openssh.com");
        try (OpenSshServer sshd = OpenSshServer.builder().authorizedKey(KEY.publicKey().toOpenSshString()).start()) {
            Path dir = Files.createTempDirectory("skiff-sftp-bench").toRealPath();
            Path src = dir.resolve("src");
            Random rnd = new Random(1);
            byte[] buf = new byte[1 << 20];
            try (OutputStream out = Files.newOutputStream(src)) {
                for (long n = 0; n < size; n += buf.length) {
                    rnd.nextBytes(buf);
                    out.write(buf);
                }
            }
            Path key = dir.resolve("id");
            PrivateKeyFiles.writePrivate(key, KEY, null);
            Path known = dir.resolve("known_hosts");
            Files.writeString(known, sshd.knownHostsText());
            double[] ossh = new double[2];
            String[] batches = {"put " + src + " " + dir.resolve("o-up"), "get " + dir.resolve("o-up") + " " + dir.resolve("o-down")};
            for (int i = 0; i < 2; i++) {
                Path batch = dir.resolve("batch" + i);
                Files.writeString(batch, batches[i] + "\n");
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder("sftp", "-q", "-b", batch.toString(), "-i", key.toString(), "-P", "" + sshd.port(),
                        "-o", "UserKnownHostsFile=" + known, "-o", "StrictHostKeyChecking=yes", "-o", "Ciphers=" + cipher,
                        sshd.user() + "@" + sshd.host()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                p.waitFor(600, TimeUnit.SECONDS);
                assertEquals(0, p.exitValue(), out);
                ossh[i] = size / ((System.nanoTime() - t0) / 1e9) / 1e6;
            }
            PeerMatrix peer = new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), dir, false);
            try (SshConnection c = peer.connect(PeerMatrix.base().ciphers(cipher).build())) {
                c.authenticatePublicKey(sshd.user(), KEY);
                try (SftpClient s = c.sftp()) {
                    SftpTransfers.upload(s, src, dir.resolve("warm").toString(), TransferOptions.defaults()); // JIT warm-up
                    SftpTransfers.download(s, dir.resolve("warm").toString(), dir.resolve("warm2"), TransferOptions.defaults());
                    TransferResult up = SftpTransfers.upload(s, src, dir.resolve("s-up").toString(), TransferOptions.defaults());
                    TransferResult down = SftpTransfers.download(s, dir.resolve("s-up").toString(), dir.resolve("s-down"), TransferOptions.defaults());
                    System.out.printf("SftpBenchIT %d MiB %s: OpenSSH sftp put %.0f MB/s get %.0f MB/s (incl. connect); "
                            + "Skiff upload %.0f MB/s download %.0f MB/s%n", size >> 20, cipher, ossh[0], ossh[1],
                            up.bytesPerSecond() / 1e6, down.bytesPerSecond() / 1e6);
                }
            }
            assertEquals(RemoteChecksum.localSha256(src), RemoteChecksum.localSha256(dir.resolve("s-down")));
            assertEquals(RemoteChecksum.localSha256(src), RemoteChecksum.localSha256(dir.resolve("o-down")));
        }
    }
}
