package dev.skiff.ssh.sftp;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.KnownHostsVerifier;
import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import dev.skiff.ssh.transport.TransportConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run by {@code SftpTransferIT} in a JVM with a small heap ({@code -Xmx64m}): uploads a large
 * local file and downloads it again, proving that transfers stream with bounded memory.
 * Arguments: host port knownHostsFile keyFile user localFile remotePath downloadFile.
 */
public final class SftpLowMemoryMain {
    private SftpLowMemoryMain() {
    }

    public static void main(String[] a) throws Exception {
        TransportConfig tc = TransportConfig.builder().kexTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(60))
                .connectTimeout(Duration.ofSeconds(10)).build();
        KnownHostsVerifier v = new KnownHostsVerifier(List.of(Path.of(a[2])), StrictHostKeyChecking.YES, null);
        try (SshConnection c = SshClient.connect(ConnectSpec.of(a[0], Integer.parseInt(a[1])), SshClientConfig.of(tc, v))) {
            c.authenticatePublicKey(a[4], PrivateKeyFiles.read(Path.of(a[3]), null));
            try (SftpClient s = c.sftp()) {
                var up = SftpTransfers.upload(s, Path.of(a[5]), a[6], TransferOptions.defaults());
                var down = SftpTransfers.download(s, a[6], Path.of(a[7]), TransferOptions.defaults());
                Runtime rt = Runtime.getRuntime();
                System.out.printf("OK up %.1f MB/s down %.1f MB/s maxHeap %d MiB%n", up.bytesPerSecond() / 1e6,
                        down.bytesPerSecond() / 1e6, rt.maxMemory() >> 20);
            }
        }
    }
}
