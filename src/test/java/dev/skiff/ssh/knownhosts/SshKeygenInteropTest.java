package dev.skiff.ssh.knownhosts;

import static dev.skiff.ssh.knownhosts.HostKeyStatus.CHANGED;
import static dev.skiff.ssh.knownhosts.HostKeyStatus.NEW;
import static dev.skiff.ssh.knownhosts.HostKeyStatus.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hashing interoperability with OpenSSH's {@code ssh-keygen -H} and {@code ssh-keygen -F}. */
class SshKeygenInteropTest {
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    @TempDir
    Path dir;
    TestKey key;

    @BeforeEach
    void generateKey() throws Exception {
        dev.skiff.testing.Peers.requirePeer(SSH_KEYGEN.toString());
        Path k = dir.resolve("k");
        assertEquals(0, run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", k.toString())
                .exitCode);
        key = TestKey.parse(Files.readString(dir.resolve("k.pub")));
        assertEquals("ssh-ed25519", key.keyType());
    }

    @Test
    void matchesNamesHashedBySshKeygen() throws Exception {
        Path kh = dir.resolve("known_hosts");
        String keyText = key.toOpenSshString();
        Files.writeString(kh, "alpha.test " + keyText + "\n"
                + "beta.test,10.1.2.3 " + keyText + "\n"
                + "[gamma.test]:2222 " + keyText + "\n");
        Result hashed = run(SSH_KEYGEN.toString(), "-H", "-f", kh.toString());
        assertEquals(0, hashed.exitCode, hashed.output);

        KnownHostsFile file = KnownHostsFile.load(kh);
        assertEquals(4, file.entries().size(), file.lines().toString());
        assertTrue(file.entries().stream().allMatch(KnownHostsEntry::isHashed));
        assertFalse(Files.readString(kh).contains("alpha.test"));

        assertEquals(OK, file.check("alpha.test", 22, key));
        assertEquals(OK, file.check("beta.test", 22, key));
        assertEquals(OK, file.check("10.1.2.3", 22, key));
        assertEquals(OK, file.check("gamma.test", 2222, key));
        assertEquals(NEW, file.check("gamma.test", 22, key));
        assertEquals(NEW, file.check("alpha.test", 2222, key));
        assertEquals(NEW, file.check("delta.test", 22, key));
        assertEquals(NEW, file.check("10.1.2.4", 22, key));
        assertEquals(CHANGED, file.check("alpha.test", 22, TestKey.of("ssh-ed25519", 1)));
        assertEquals(List.of("ssh-ed25519"), file.knownKeyTypes("gamma.test", 2222));
    }

    @Test
    void sshKeygenFindsLinesWeAppended() throws Exception {
        Path kh = dir.resolve("sub/known_hosts");
        KnownHostsFile file = KnownHostsFile.load(kh);
        file.append("hashed.test", 22, key, true);
        file.append("hashed.test", 2222, key, true);
        file.append("plain.test", 2200, key, false);
        assertEquals(3, file.entries().size());
        assertTrue(file.entries().get(0).isHashed());

        assertFound(kh, "hashed.test", 1);
        assertFound(kh, "[hashed.test]:2222", 2);
        assertFound(kh, "[plain.test]:2200", 3);
        Result missing = run(SSH_KEYGEN.toString(), "-F", "other.test", "-f", kh.toString());
        assertFalse(missing.output.contains("found"), missing.output);
        Result wrongPort = run(SSH_KEYGEN.toString(), "-F", "[hashed.test]:2200", "-f", kh.toString());
        assertFalse(wrongPort.output.contains("found"), wrongPort.output);
    }

    private void assertFound(Path kh, String name, int line) throws Exception {
        Result found = run(SSH_KEYGEN.toString(), "-F", name, "-f", kh.toString());
        assertEquals(0, found.exitCode, found.output);
        assertTrue(found.output.contains("found: line " + line), found.output);
        assertTrue(found.output.contains(key.base64()), found.output);
    }

    private Result run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ssh-keygen did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
