package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.cli.ServerCliFixture;
import dev.skiff.testing.Exec;
import dev.skiff.testing.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OpenSSH's ssh, sftp and scp against {@code skiff server} started in-process through its command
 * class: exec, pty size, an sftp batch with every command, scp -s both ways, authorized_keys
 * options, password from the password file (via SSH_ASKPASS), group exchange from a moduli file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerCliOpenSshIT {
    private Path dir;
    private Path root;
    private Path local;
    private ServerCliFixture fx;
    private String moduliLine;

    private Path key(String name) throws Exception {
        Path k = dir.resolve(name);
        Exec.output("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", k.toString());
        return k;
    }

    private String pub(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".pub")).strip();
    }

    @BeforeAll
    void start() throws Exception {
        for (String p : List.of("/usr/bin/ssh", "/usr/bin/sftp", "/usr/bin/scp", "/usr/bin/ssh-keygen", "/usr/bin/script")) {
            Peers.requirePeer(p);
        }
        dir = Files.createTempDirectory("skiff-server-cli-it");
        root = Files.createDirectories(dir.resolve("root"));
        local = Files.createDirectories(dir.resolve("local"));
        for (String k : List.of("plain", "forced", "nopty", "elsewhere")) {
            key(k);
        }
        Files.writeString(dir.resolve("authorized_keys"), pub("plain") + "\n"
                + "command=\"echo forced; echo orig=$SSH_ORIGINAL_COMMAND\" " + pub("forced") + "\n"
                + "no-pty " + pub("nopty") + "\n"
                + "from=\"192.0.2.*,!127.0.0.1\" " + pub("elsewhere") + "\n");
        Files.writeString(dir.resolve("passwords"), ServerCliFixture.passwordLine(System.getProperty("user.name"), "pass word") + "\n");
        Path sysModuli = Path.of("/etc/ssh/moduli");
        if (Files.isReadable(sysModuli)) {
            moduliLine = Files.readAllLines(sysModuli).stream().filter(l -> l.split(" ").length == 7 && l.split(" ")[4].equals("2047"))
                    .findFirst().orElse(null);
        } else if (Peers.onCi()) {
            throw new IllegalStateException("/etc/ssh/moduli is missing; CI=true");
        }
        Files.writeString(dir.resolve("moduli"), "# fixture\n" + (moduliLine == null ? "" : moduliLine + "\n"));
        fx = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString(), "--password-file",
                dir.resolve("passwords").toString(), "--root", root.toString(), "--moduli", dir.resolve("moduli").toString(), "-v");
    }

    @AfterAll
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private List<String> ssh(String key, String... more) {
        return fx.openSsh("/usr/bin/ssh", dir.resolve(key), more);
    }

    @Test
    void execKeepsStdoutStderrAndExitStatus() throws Exception {
        ServerCliFixture.Result r = fx.run(ssh("plain", "127.0.0.1", "printf 'out\\0bytes'; echo err 1>&2; exit 3"), null);
        assertEquals("out\0bytes", r.out(), r.err());
        assertEquals("err\n", r.err());
        assertEquals(3, r.exit());
    }

    private ServerCliFixture.Result ptyRun(String key, String remote) throws Exception {
        String cmd = String.join(" ", ssh(key, "-tt", "127.0.0.1", remote).stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        return fx.run(List.of("/usr/bin/script", "-qec", "stty cols 97 rows 31; " + cmd, "/dev/null"), null);
    }

    @Test
    void ptyShellHasTheClientsSize() throws Exception {
        ServerCliFixture.Result r = ptyRun("plain", "stty size; tty");
        assertTrue(r.out().contains("31 97"), r.out() + r.err());
        assertTrue(r.out().contains("/dev/pts/"), r.out());
    }

    @Test
    void noPtyRefusesThePty() throws Exception {
        ServerCliFixture.Result r = ptyRun("nopty", "tty; true");
        assertTrue(r.out().contains("PTY allocation request failed"), r.out() + r.err());
        assertTrue(fx.log().contains("pty refused"), fx.log());
    }

    @Test
    void forcedCommandAndFrom() throws Exception {
        ServerCliFixture.Result r = fx.run(ssh("forced", "127.0.0.1", "cat /etc/hostname"), null);
        assertEquals("forced\norig=cat /etc/hostname\n", r.out(), r.err());
        ServerCliFixture.Result f = fx.run(ssh("elsewhere", "127.0.0.1", "true"), null);
        assertEquals(255, f.exit());
        assertTrue(f.err().contains("Permission denied"), f.err());
    }

    @Test
    void passwordFromThePasswordFileViaAskpass() throws Exception {
        Path askpass = dir.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho 'pass word'\n");
        askpass.toFile().setExecutable(true);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/ssh", "-F", "/dev/null", "-o", "UserKnownHostsFile=" + fx.knownHosts(),
                "-o", "StrictHostKeyChecking=yes", "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password",
                "-o", "NumberOfPasswordPrompts=1", "-p", String.valueOf(fx.port()), "127.0.0.1", "echo in"));
        ServerCliFixture.Result r = fx.run(cmd, null, "SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0");
        assertEquals("in\n", r.out(), r.err());
        Files.writeString(askpass, "#!/bin/sh\necho 'wrong'\n");
        ServerCliFixture.Result bad = fx.run(cmd, null, "SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0");
        assertEquals(255, bad.exit(), bad.err());
    }

    @Test
    void groupExchangeFromTheModuliFile() throws Exception {
        if (moduliLine == null) {
            org.junit.jupiter.api.Assertions.fail("no 2048-bit group in /etc/ssh/moduli (installed by openssh-server)");
        }
        ServerCliFixture.Result r = fx.run(ssh("plain", "-o", "KexAlgorithms=diffie-hellman-group-exchange-sha256",
                "127.0.0.1", "echo gex"), null);
        assertEquals("gex\n", r.out(), r.err());
        assertTrue(fx.log().contains("2048-bit group from " + dir.resolve("moduli") + " line 2"), fx.log());
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void sftpBatchWithEveryCommand() throws Exception {
        byte[] a = random(3 << 20, 1);
        Files.write(local.resolve("a.bin"), a);
        Files.write(local.resolve("partial.bin"), java.util.Arrays.copyOf(a, 1 << 20)); // for reget
        Files.write(root.resolve("partial-up.bin"), java.util.Arrays.copyOf(a, 1 << 20)); // for reput
        Path tree = Files.createDirectories(local.resolve("tree/sub"));
        Files.write(tree.resolve("x.bin"), random(70_000, 2));
        Files.writeString(local.resolve("tree/y.txt"), "why\n");
        String l = local.toString();
        Path batch = dir.resolve("batch");
        Files.writeString(batch, String.join("\n", "mkdir d", "put " + l + "/a.bin d/a.bin", "ls -l d",
                "rename d/a.bin d/b.bin", "ln -s b.bin d/link", "chmod 600 d/b.bin", "df", "get d/b.bin " + l + "/got.bin",
                "reget d/b.bin " + l + "/partial.bin", "reput " + l + "/a.bin partial-up.bin", "put -r " + l + "/tree tree",
                "get -r tree " + l + "/tree-back", "mkdir gone", "rmdir gone", "ls", "") );
        ServerCliFixture.Result r = fx.run(fx.openSsh("/usr/bin/sftp", dir.resolve("plain"), "-b", batch.toString(), "127.0.0.1"), null);
        assertEquals(0, r.exit(), r.out() + r.err());
        String want = sha256(local.resolve("a.bin"));
        assertEquals(want, sha256(root.resolve("d/b.bin")));
        assertEquals(want, sha256(local.resolve("got.bin")));
        assertEquals(want, sha256(local.resolve("partial.bin")));
        assertEquals(want, sha256(root.resolve("partial-up.bin")));
        assertEquals(sha256(tree.resolve("x.bin")), sha256(root.resolve("tree/sub/x.bin")));
        assertEquals(sha256(tree.resolve("x.bin")), sha256(local.resolve("tree-back/sub/x.bin")));
        assertEquals("why\n", Files.readString(local.resolve("tree-back/y.txt")));
        assertTrue(Files.isSymbolicLink(root.resolve("d/link")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("d/b.bin"))));
        assertFalse(Files.exists(root.resolve("gone")));
        assertTrue(r.out().contains("Avail") || r.out().contains("Size"), r.out());
        Path batch2 = dir.resolve("batch2");
        Files.writeString(batch2, "rm d/link\nrm d/b.bin\nrmdir d\n");
        ServerCliFixture.Result r2 = fx.run(fx.openSsh("/usr/bin/sftp", dir.resolve("plain"), "-b", batch2.toString(), "127.0.0.1"), null);
        assertEquals(0, r2.exit(), r2.out() + r2.err());
        assertFalse(Files.exists(root.resolve("d")));
    }

    @Test
    void scpOverSftpBothWays() throws Exception {
        byte[] data = random(5 << 20, 3);
        Files.write(local.resolve("scp-up.bin"), data);
        ServerCliFixture.Result up = fx.run(fx.openSsh("/usr/bin/scp", dir.resolve("plain"), "-s", "-q",
                local.resolve("scp-up.bin").toString(), "127.0.0.1:/scp.bin"), null);
        assertEquals(0, up.exit(), up.err());
        assertArrayEquals(data, Files.readAllBytes(root.resolve("scp.bin")));
        ServerCliFixture.Result down = fx.run(fx.openSsh("/usr/bin/scp", dir.resolve("plain"), "-s", "-q",
                "127.0.0.1:/scp.bin", local.resolve("scp-down.bin").toString()), null);
        assertEquals(0, down.exit(), down.err());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("scp-down.bin")));
        ServerCliFixture.Result escape = fx.run(fx.openSsh("/usr/bin/scp", dir.resolve("plain"), "-s", "-q",
                "127.0.0.1:/../passwords", local.resolve("stolen").toString()), null);
        assertNotEquals(0, escape.exit());
        assertFalse(Files.exists(local.resolve("stolen")) && Files.size(local.resolve("stolen")) > 0);
    }
}
