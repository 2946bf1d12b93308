package dev.skiff.ssh.knownhosts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.HostKeyRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every host key status under every policy (ASK split by the prompt's answer). */
class KnownHostsVerifierTest {
    static final TestKey KNOWN = TestKey.of("ssh-ed25519", 1);
    static final TestKey REVOKED = TestKey.of("ssh-ed25519", 2);
    static final TestKey GLOBAL = TestKey.of("ssh-ed25519", 3);
    static final TestKey FRESH = TestKey.of("ssh-ed25519", 4);
    static final TestKey ECDSA = TestKey.of("ecdsa-sha2-nistp256", 5);

    /** A policy plus, for ASK, how the user answers. */
    enum Mode {
        YES(StrictHostKeyChecking.YES, null),
        ACCEPT_NEW(StrictHostKeyChecking.ACCEPT_NEW, null),
        NO(StrictHostKeyChecking.NO, null),
        ASK_ACCEPTED(StrictHostKeyChecking.ASK, true),
        ASK_DECLINED(StrictHostKeyChecking.ASK, false),
        ASK_WITHOUT_PROMPT(StrictHostKeyChecking.ASK, null);

        final StrictHostKeyChecking policy;
        final Boolean answer;

        Mode(StrictHostKeyChecking policy, Boolean answer) {
            this.policy = policy;
            this.answer = answer;
        }

        boolean acceptsNew() {
            return this == ACCEPT_NEW || this == NO || this == ASK_ACCEPTED;
        }
    }

    @TempDir
    Path dir;
    Path user;
    Path global;
    String userBefore;
    String globalBefore;
    final List<String> asked = new ArrayList<>();

    @BeforeEach
    void write() throws IOException {
        user = dir.resolve(".ssh/known_hosts");
        global = dir.resolve("etc/ssh_known_hosts");
        Files.createDirectories(user.getParent());
        Files.createDirectories(global.getParent());
        userBefore = "known.org " + KNOWN.toOpenSshString() + "\n@revoked * " + REVOKED.toOpenSshString() + "\n";
        globalBefore = "global.org,known.org " + GLOBAL.toOpenSshString() + "\n";
        Files.writeString(user, userBefore);
        Files.writeString(global, globalBefore);
    }

    KnownHostsVerifier verifier(Mode mode) {
        UnknownHostPrompt prompt = mode.answer == null ? null : (host, port, key) -> {
            asked.add(host + ":" + port + " " + key.keyType());
            return mode.answer;
        };
        return new KnownHostsVerifier(List.of(user, global), mode.policy, prompt);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void okIsAcceptedSilently(Mode mode) throws IOException {
        KnownHostsVerifier v = verifier(mode);
        assertDoesNotThrow(() -> v.verify("known.org", 22, KNOWN));
        assertDoesNotThrow(() -> v.verify("KNOWN.org", 22, KNOWN));
        assertDoesNotThrow(() -> v.verify("global.org", 22, GLOBAL));
        assertDoesNotThrow(() -> v.verify("known.org", 22, GLOBAL));
        assertUnchanged();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void changedIsAlwaysRejected(Mode mode) throws IOException {
        TestKey other = TestKey.of("ssh-ed25519", 77);
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> verifier(mode).verify("known.org", 22, other));
        assertMentions(e, "known.org", "CHANGED", "ssh-ed25519", other.sha256Fingerprint(), user + ":1",
                global + ":1");
        assertUnchanged();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void revokedIsAlwaysRejected(Mode mode) throws IOException {
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> verifier(mode).verify("fresh.org", 2222, REVOKED));
        assertMentions(e, "[fresh.org]:2222", "REVOKED", "ssh-ed25519", REVOKED.sha256Fingerprint(), user + ":2");
        assertUnchanged();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void newKeyFollowsThePolicy(Mode mode) throws IOException {
        KnownHostsVerifier v = verifier(mode);
        if (mode.acceptsNew()) {
            assertDoesNotThrow(() -> v.verify("fresh.org", 2222, FRESH));
            assertEquals(userBefore + "[fresh.org]:2222 " + FRESH.toOpenSshString() + "\n", Files.readString(user));
            assertEquals(globalBefore, Files.readString(global));
            assertDoesNotThrow(() -> v.verify("fresh.org", 2222, FRESH));
            assertEquals(List.of("ssh-ed25519"), v.knownKeyTypes("fresh.org", 2222));
        } else {
            HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                    () -> v.verify("fresh.org", 2222, FRESH));
            assertMentions(e, "[fresh.org]:2222", "ssh-ed25519", FRESH.sha256Fingerprint());
            if (mode == Mode.YES) {
                assertMentions(e, "is not known and StrictHostKeyChecking is yes", user.toString());
            }
            assertUnchanged();
        }
        int expectedPrompts = mode.answer == null ? 0 : 1;
        assertEquals(expectedPrompts, asked.size());
        if (expectedPrompts == 1) {
            assertEquals("fresh.org:2222 ssh-ed25519", asked.get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void otherKeyTypeIsNewNotChanged(Mode mode) throws IOException {
        KnownHostsVerifier v = verifier(mode);
        assertEquals(List.of("ssh-ed25519"), v.knownKeyTypes("known.org", 22));
        if (mode.acceptsNew()) {
            assertDoesNotThrow(() -> v.verify("known.org", 22, ECDSA));
            assertEquals(List.of("ssh-ed25519", "ecdsa-sha2-nistp256"), v.knownKeyTypes("known.org", 22));
        } else {
            HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                    () -> v.verify("known.org", 22, ECDSA));
            assertTrue(!e.getMessage().contains("CHANGED"), e.getMessage());
            if (mode == Mode.YES) {
                assertMentions(e, "other types", user + ":1 (ssh-ed25519)");
            }
            assertUnchanged();
        }
    }

    @Test
    void hashesAppendedNamesWhenConfigured() throws IOException {
        KnownHostsVerifier v = new KnownHostsVerifier(List.of(user), StrictHostKeyChecking.ACCEPT_NEW, null, true);
        assertDoesNotThrow(() -> v.verify("fresh.org", 22, FRESH));
        String added = Files.readString(user).substring(userBefore.length());
        assertTrue(added.startsWith("|1|") && !added.contains("fresh"), added);
        assertEquals(HostKeyStatus.OK, KnownHostsFile.load(user).check("fresh.org", 22, FRESH));
    }

    @Test
    void unreadableFileRejects() throws IOException {
        Path notAFile = dir.resolve("directory");
        Files.createDirectories(notAFile);
        KnownHostsVerifier v = new KnownHostsVerifier(List.of(user, notAFile), StrictHostKeyChecking.NO, null);
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> v.verify("known.org", 22, KNOWN));
        assertMentions(e, notAFile.toString(), "cannot be read");
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void failedAppendStillAcceptsTheKey() throws IOException {
        // A dangling symlink reads as a missing file, but cannot be created (works even as root).
        Path dangling = dir.resolve("dangling_known_hosts");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere/known_hosts"));
        KnownHostsVerifier v = new KnownHostsVerifier(List.of(dangling, global), StrictHostKeyChecking.ACCEPT_NEW, null);
        assertDoesNotThrow(() -> v.verify("fresh.org", 22, FRESH));
        assertTrue(Files.notExists(dir.resolve("nowhere")));
    }

    @Test
    void defaultFilesPutTheUserFileFirst() {
        List<Path> files = KnownHostsVerifier.defaultFiles(Path.of("/home/u"));
        assertEquals(Path.of("/home/u/.ssh/known_hosts"), files.get(0));
        assertTrue(files.contains(Path.of("/etc/ssh/ssh_known_hosts")));
    }

    private void assertUnchanged() throws IOException {
        assertEquals(userBefore, Files.readString(user));
        assertEquals(globalBefore, Files.readString(global));
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "missing '" + part + "' in:\n" + e.getMessage());
        }
    }
}
