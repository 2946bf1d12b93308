package dev.skiff.ssh.knownhosts;

import static dev.skiff.ssh.knownhosts.HostKeyStatus.OK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SshException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsAppendTest {
    static final TestKey KEY = TestKey.of("ssh-ed25519", 42);

    @TempDir
    Path dir;

    @Test
    void preservesExistingContentByteForByte() throws Exception {
        byte[] original = ("# comment \u00e9\r\n\n  garbage line\t\n@revoked * " + KEY.toOpenSshString()
                + "\nold.org " + TestKey.of("ssh-rsa", 1).toOpenSshString() + " trailing comment\n")
                .getBytes(StandardCharsets.UTF_8);
        Path path = dir.resolve("known_hosts");
        Files.write(path, original);
        KnownHostsFile file = KnownHostsFile.load(path);
        file.append("new.org", 22, KEY, false);

        byte[] after = Files.readAllBytes(path);
        assertArrayEquals(original, Arrays.copyOf(after, original.length));
        String added = new String(after, original.length, after.length - original.length, StandardCharsets.UTF_8);
        assertEquals("new.org " + KEY.toOpenSshString() + "\n", added);
    }

    @Test
    void addsTheMissingFinalNewlineFirst() throws Exception {
        String original = "old.org " + TestKey.of("ssh-rsa", 1).toOpenSshString();
        Path path = dir.resolve("known_hosts");
        Files.writeString(path, original);
        KnownHostsFile.load(path).append("new.org", 2222, KEY, false);
        assertEquals(original + "\n[new.org]:2222 " + KEY.toOpenSshString() + "\n", Files.readString(path));
    }

    @Test
    void emptyFileGetsNoLeadingNewline() throws Exception {
        Path path = dir.resolve("known_hosts");
        Files.createFile(path);
        KnownHostsFile.load(path).append("New.ORG", 22, KEY, false);
        assertEquals("new.org " + KEY.toOpenSshString() + "\n", Files.readString(path));
    }

    @Test
    void rereadReflectsAppendedLines() throws Exception {
        Path path = dir.resolve("known_hosts");
        Files.writeString(path, "# header\n");
        KnownHostsFile file = KnownHostsFile.load(path);
        KnownHostsFile other = KnownHostsFile.load(path);
        file.append("a.org", 22, KEY, true);
        assertEquals(OK, file.check("a.org", 22, KEY));
        assertEquals(2, file.entries().get(0).lineNumber());
        assertEquals(HostKeyStatus.NEW, other.check("a.org", 22, KEY));
        other.reload();
        assertEquals(OK, other.check("a.org", 22, KEY));
        assertEquals(OK, KnownHostsFile.load(path).check("a.org", 22, KEY));
    }

    @Test
    void hashedAppendHidesTheName() throws Exception {
        Path path = dir.resolve("known_hosts");
        KnownHostsFile file = KnownHostsFile.load(path);
        file.append("secret.org", 2222, KEY, true);
        String text = Files.readString(path);
        assertTrue(text.startsWith("|1|"), text);
        assertTrue(!text.contains("secret"), text);
        assertEquals(OK, KnownHostsFile.load(path).check("secret.org", 2222, KEY));
    }

    @Test
    void createsDirectoryAndFileWithPrivateModes() throws Exception {
        assertTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "Skiff runs on POSIX systems");
        Path path = dir.resolve("home/.ssh/known_hosts");
        KnownHostsFile.load(path).append("a.org", 22, KEY, false);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    }

    @Test
    void refusesHostNamesThatWouldCorruptTheFile() throws Exception {
        Path path = dir.resolve("known_hosts");
        KnownHostsFile file = KnownHostsFile.load(path);
        assertThrows(SshException.class, () -> file.append("evil.org\nattacker.org", 22, KEY, false));
        assertThrows(SshException.class, () -> file.append("evil.org attacker.org", 22, KEY, true));
        assertThrows(SshException.class, () -> file.append("*", 22, KEY, false));
        assertThrows(SshException.class, () -> file.append("a.org,b.org", 22, KEY, false));
        assertThrows(SshException.class, () -> file.append("a.org", 22, "ssh-rsa", KEY.blob(), false));
        assertTrue(Files.notExists(path) || Files.size(path) == 0);
    }
}
