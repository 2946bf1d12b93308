package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import dev.skiff.ssh.transport.TransportConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code skiff server} in-process against Skiff's own client over loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerCommandTest {
    static final SshKeyPair PLAIN = SshKeyGenerator.generate("ssh-ed25519", 0);
    static final SshKeyPair FORCED = SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0);
    static final SshKeyPair ELSEWHERE = SshKeyGenerator.generate("ssh-ed25519", 0);
    static final String ME = System.getProperty("user.name");
    private Path dir;
    private Path root;
    private ServerCliFixture fx;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("skiff-server-cmd");
        root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("authorized_keys"), PLAIN.publicKey().toOpenSshString() + " plain\n"
                + "command=\"echo forced:$SSH_ORIGINAL_COMMAND\",no-pty " + FORCED.publicKey().toOpenSshString() + "\n"
                + "from=\"10.9.8.7\" " + ELSEWHERE.publicKey().toOpenSshString() + "\n");
        Files.writeString(dir.resolve("passwords"), ME + ":" + ServerPasswordHash.create("open sesame".toCharArray(), 10_000) + "\n");
        // a moduli file whose only group is the RFC 3526 2048-bit prime, on its third line
        BigInteger p = DHStandardGroups.rfc3526_2048.getP();
        Files.writeString(dir.resolve("moduli"), "# test\n\n20240101000000 2 6 100 2047 2 " + p.toString(16) + "\n");
        fx = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString(), "--password-file",
                dir.resolve("passwords").toString(), "--root", root.toString(), "--moduli", dir.resolve("moduli").toString(), "-v");
    }

    @AfterAll
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    static String exec(SshConnection c, String command, ExitStatus[] exit) throws Exception {
        SessionChannel s = c.exec(command);
        s.stdin().close();
        String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
        exit[0] = s.waitFor(ServerCliFixture.T);
        s.close();
        return out;
    }

    @Test
    void printsFingerprintsAndKeepsHostKeys() throws Exception {
        String out = fx.out();
        assertTrue(out.contains("(ED25519)") && out.contains("(ECDSA)") && out.contains("3072 SHA256:") && out.contains("(RSA)"), out);
        for (String[] k : ServerHostKeys.GENERATED) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.stateDir.resolve(k[0]))));
        }
        try (ServerCliFixture again = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString())) {
            String fps = again.out().lines().filter(l -> l.startsWith("host key:")).toList().toString();
            assertEquals(out.lines().filter(l -> l.startsWith("host key:")).toList().toString(), fps);
            assertTrue(!again.log().contains("generated host key"), again.log());
        }
    }

    @Test
    void passwordFromTheFileAndExec() throws Exception {
        try (SshConnection c = fx.connect()) {
            c.authenticatePassword(ME, "open sesame".toCharArray());
            ExitStatus[] exit = new ExitStatus[1];
            assertEquals("hi\n", exec(c, "echo hi; exit 4", exit));
            assertEquals(ExitStatus.ofCode(4), exit[0]);
        }
        try (SshConnection c = fx.connect()) {
            assertThrows(SshException.class, () -> c.authenticatePassword(ME, "open says me".toCharArray()));
        }
        try (SshConnection c = fx.connect()) { // only the OS user's name is accepted without --any-user
            assertThrows(SshException.class, () -> c.authenticatePublicKey("someone-else", PLAIN));
        }
        String log = fx.log();
        assertTrue(log.contains("accepted password for " + ME + " from 127.0.0.1"), log);
        assertTrue(log.contains("failed password for " + ME), log);
        assertTrue(log.contains("failed publickey for someone-else"), log);
        assertTrue(!log.contains("open sesame") && !log.contains("open says me"), log);
    }

    @Test
    void authorizedKeyOptions() throws Exception {
        try (SshConnection c = fx.connect()) {
            c.authenticatePublicKey(ME, FORCED);
            ExitStatus[] exit = new ExitStatus[1];
            assertEquals("forced:rm -rf x\n", exec(c, "rm -rf x", exit));
            assertThrows(SshException.class, () -> SftpClient.open(c, ServerCliFixture.T));
        }
        try (SshConnection c = fx.connect()) {
            assertThrows(SshException.class, () -> c.authenticatePublicKey(ME, ELSEWHERE));
        }
        assertTrue(fx.log().contains("from= does not match"), fx.log());
    }

    @Test
    void groupExchangeUsesTheModuliFile() throws Exception {
        TransportConfig tc = TransportConfig.builder().kexAlgorithms("diffie-hellman-group-exchange-sha256")
                .requestTimeout(ServerCliFixture.T).build();
        try (SshConnection c = fx.connect(tc)) {
            c.authenticatePublicKey(ME, PLAIN);
            assertEquals("diffie-hellman-group-exchange-sha256", c.algorithms().kex());
        }
        assertTrue(fx.log().contains("2048-bit group from " + dir.resolve("moduli") + " line 3"), fx.log());
    }

    @Test
    void sftpEightMebibytesBothWaysAndNoEscape() throws Exception {
        byte[] data = new byte[8 << 20];
        new Random(42).nextBytes(data);
        Path local = dir.resolve("up.bin");
        Files.write(local, data);
        Path back = dir.resolve("down.bin");
        try (SshConnection c = fx.connect()) {
            c.authenticatePublicKey(ME, PLAIN);
            try (SftpClient sftp = SftpClient.open(c, ServerCliFixture.T)) {
                SftpTransfers.upload(sftp, local, "/big.bin", TransferOptions.defaults());
                assertArrayEquals(data, Files.readAllBytes(root.resolve("big.bin")));
                SftpTransfers.download(sftp, "/big.bin", back, TransferOptions.defaults());
                assertArrayEquals(data, Files.readAllBytes(back));
                assertEquals("/", sftp.realpath("/../.."));
                Files.writeString(dir.resolve("secret.txt"), "outside");
                assertThrows(SftpException.class, () -> sftp.stat("/../secret.txt").size());
                Files.createSymbolicLink(root.resolve("escape"), dir);
                assertThrows(SftpException.class, () -> sftp.openRead("/escape/secret.txt"));
            }
        }
    }
}
