package dev.skiff.app.interaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.interaction.HostKeyQuestions.ChangedKeyDecision;
import dev.skiff.app.interaction.HostKeyQuestions.NewKeyDecision;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.testing.Exec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's host key policy against real known_hosts files, checked with OpenSSH's ssh-keygen. */
class AppHostKeyVerifierTest {
    private static final String HOST = "127.0.0.1";
    private static final int PORT = 2222;

    @TempDir
    Path dir;

    private final SshPublicKey key = SshKeyGenerator.generate("ssh-ed25519", 0).publicKey();
    private final SshPublicKey otherKey = SshKeyGenerator.generate("ssh-ed25519", 0).publicKey();
    private final Scripted questions = new Scripted();

    /** Answers with preset decisions and records what was asked. */
    static final class Scripted implements HostKeyQuestions {
        NewKeyDecision newAnswer = NewKeyDecision.CANCEL;
        ChangedKeyDecision changedAnswer = ChangedKeyDecision.CANCEL;
        final List<PresentedHostKey> unknown = new ArrayList<>();
        final List<List<StoredHostKey>> changed = new ArrayList<>();

        @Override
        public NewKeyDecision unknownKey(PresentedHostKey key) {
            unknown.add(key);
            return newAnswer;
        }

        @Override
        public ChangedKeyDecision changedKey(PresentedHostKey key, List<StoredHostKey> stored) {
            changed.add(stored);
            return changedAnswer;
        }
    }

    private Path saveFile() {
        return dir.resolve("skiff").resolve("known_hosts");
    }

    private AppHostKeyVerifier verifier(Path... others) {
        return new AppHostKeyVerifier(saveFile(), List.of(others), questions);
    }

    private static String sshKeygenFind(String name, Path file) {
        return Exec.run(Duration.ofSeconds(30), "ssh-keygen", "-F", name, "-f", file.toString()).output();
    }

    @Test
    void trustAndSaveWritesAnOpenSshLineAndIsNotAskedAgain() throws Exception {
        questions.newAnswer = NewKeyDecision.TRUST_AND_SAVE;
        verifier().verify(HOST, PORT, key);
        assertEquals(1, questions.unknown.size());
        PresentedHostKey asked = questions.unknown.get(0);
        assertEquals(key.sha256Fingerprint(), asked.fingerprint());
        assertEquals("127.0.0.1 port 2222", asked.displayName());
        assertTrue(asked.randomArt().startsWith("+--[ED25519 256]--+"), asked.randomArt());

        assertEquals("[127.0.0.1]:2222 " + key.toOpenSshString() + "\n", Files.readString(saveFile()));
        String found = sshKeygenFind("[127.0.0.1]:" + PORT, saveFile());
        assertTrue(found.contains(key.toOpenSshString()), found);

        verifier().verify(HOST, PORT, key);
        assertEquals(1, questions.unknown.size(), "a saved key is accepted without asking");
        assertEquals(List.of("ssh-ed25519"), verifier().knownKeyTypes(HOST, PORT));
    }

    @Test
    void connectOnceWritesNothingAndIsRememberedForThisRunOnly() throws Exception {
        questions.newAnswer = NewKeyDecision.CONNECT_ONCE;
        AppHostKeyVerifier verifier = verifier();
        verifier.verify(HOST, PORT, key);
        verifier.verify(HOST, PORT, key);
        assertEquals(1, questions.unknown.size(), "a reconnect in the same run does not ask");
        assertFalse(Files.exists(saveFile()));

        verifier.verify(HOST, PORT + 1, key);
        assertEquals(2, questions.unknown.size(), "another port is another host");
        verifier().verify(HOST, PORT, key);
        assertEquals(3, questions.unknown.size(), "a new run asks again");
    }

    @Test
    void cancelRejects() {
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class, () -> verifier().verify(HOST, PORT, key));
        assertTrue(e.getMessage().contains("not accepted") && e.getMessage().contains(key.sha256Fingerprint()), e.getMessage());
        assertFalse(Files.exists(saveFile()));
    }

    @Test
    void changedKeyIsRefusedByDefaultAndTheFileIsUntouched() throws Exception {
        Files.createDirectories(saveFile().getParent());
        String content = "# mine\n[127.0.0.1]:2222 " + key.toOpenSshString() + "\nother.example " + key.toOpenSshString() + "\n";
        Files.writeString(saveFile(), content);

        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> verifier().verify(HOST, PORT, otherKey));
        assertTrue(e.getMessage().contains("CHANGED") && e.getMessage().contains(saveFile() + ":2"), e.getMessage());
        assertEquals(1, questions.changed.size());
        StoredHostKey stored = questions.changed.get(0).get(0);
        assertEquals(saveFile() + ":2", stored.location());
        assertEquals(key.sha256Fingerprint(), stored.fingerprint());
        assertTrue(stored.inSaveFile());
        assertTrue(questions.unknown.isEmpty());
        assertEquals(content, Files.readString(saveFile()));
    }

    @Test
    void confirmedReplacementRewritesTheFileWithoutTheOldLine() throws Exception {
        Files.createDirectories(saveFile().getParent());
        Files.writeString(saveFile(), "# mine\n[127.0.0.1]:2222 " + key.toOpenSshString() + "\nother.example "
                + key.toOpenSshString() + "\n");
        questions.changedAnswer = ChangedKeyDecision.REPLACE;

        verifier().verify(HOST, PORT, otherKey);
        assertEquals("# mine\nother.example " + key.toOpenSshString() + "\n[127.0.0.1]:2222 " + otherKey.toOpenSshString()
                + "\n", Files.readString(saveFile()));
        String found = sshKeygenFind("[127.0.0.1]:" + PORT, saveFile());
        assertTrue(found.contains(otherKey.toOpenSshString()) && !found.contains(key.toOpenSshString()), found);

        verifier().verify(HOST, PORT, otherKey);
        assertEquals(1, questions.changed.size(), "the new key is now known");
    }

    @Test
    void oldKeyInAReadOnlyFileStaysThereAndTheNewKeyWins() throws Exception {
        Path openSsh = dir.resolve("ssh").resolve("known_hosts");
        Files.createDirectories(openSsh.getParent());
        String theirs = "[127.0.0.1]:2222 " + key.toOpenSshString() + "\n";
        Files.writeString(openSsh, theirs);
        openSsh.toFile().setReadOnly();
        questions.changedAnswer = ChangedKeyDecision.REPLACE;

        verifier(openSsh).verify(HOST, PORT, otherKey);
        assertFalse(questions.changed.get(0).get(0).inSaveFile());
        assertEquals(theirs, Files.readString(openSsh));
        verifier(openSsh).verify(HOST, PORT, otherKey);
        assertEquals(1, questions.changed.size());
        verifier(openSsh).verify(HOST, PORT, key);
        assertTrue(questions.unknown.isEmpty());
    }

    @Test
    void revokedKeyIsRefusedWithoutAQuestion() throws Exception {
        Path openSsh = dir.resolve("known_hosts");
        Files.writeString(openSsh, "@revoked * " + key.toOpenSshString() + "\n");
        questions.newAnswer = NewKeyDecision.TRUST_AND_SAVE;
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> verifier(openSsh).verify(HOST, PORT, key));
        assertTrue(e.getMessage().contains("REVOKED") && e.getMessage().contains(openSsh + ":1"), e.getMessage());
        assertTrue(questions.unknown.isEmpty() && questions.changed.isEmpty());
    }

    @Test
    void keyKnownInOpenSshFileIsAcceptedSilently() throws Exception {
        Path openSsh = dir.resolve("known_hosts");
        Files.writeString(openSsh, "[127.0.0.1]:2222 " + key.toOpenSshString() + "\n");
        verifier(openSsh, dir.resolve("missing")).verify(HOST, PORT, key);
        assertTrue(questions.unknown.isEmpty());
        assertFalse(Files.exists(saveFile()));
        assertArrayEquals(new Object[] {"ssh-ed25519"}, verifier(openSsh).knownKeyTypes(HOST, PORT).toArray());
    }
}
