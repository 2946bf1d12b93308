package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
    /** Cheap parameters so the test is fast; the format and code path are those of the default. */
    static final Vault.KdfParams FAST = new Vault.KdfParams(1024, 1, 1);

    @TempDir
    Path dir;

    @Test
    void roundTripAcrossRuns() throws Exception {
        Path f = dir.resolve("vault.json");
        Vault v = new Vault(f, FAST);
        assertFalse(v.exists());
        v.create("master pw".toCharArray());
        v.put("host/1/password", "s3cret-π".toCharArray());
        v.put("host/2/passphrase", "other".toCharArray());
        v.remove("host/2/passphrase");
        v.lock();
        assertThrows(VaultException.class, () -> v.get("host/1/password"));

        Vault again = new Vault(f);
        again.unlock("master pw".toCharArray());
        assertArrayEquals("s3cret-π".toCharArray(), again.get("host/1/password").orElseThrow());
        assertTrue(again.get("host/2/passphrase").isEmpty());
        assertFalse(again.toString().contains("s3cret"));
    }

    @Test
    void wrongMasterPasswordIsAClearError() throws Exception {
        Path f = dir.resolve("vault.json");
        new Vault(f, FAST).create("right".toCharArray());
        Vault v = new Vault(f);
        VaultException e = assertThrows(VaultException.WrongMasterPasswordException.class,
                () -> v.unlock("wrong".toCharArray()));
        assertEquals("Wrong master password", e.getMessage());
        assertFalse(v.isUnlocked());
        assertThrows(VaultException.class, () -> new Vault(f, FAST).create("again".toCharArray()));
    }

    @Test
    void savedSecretsAreNotInPlainTextInAnyFileOfTheConfigDir() throws Exception {
        AppDirs dirs = new AppDirs(dir);
        String password = "Pl41nTextPassw0rd";
        SavedHost host = SavedHost.of("web", "web.example", 22, "alice");
        try (HostStore store = HostStore.open(dirs); SettingsStore settings = SettingsStore.open(dirs)) {
            store.put(host);
            settings.update(s -> s.withFirstRunDone(true));
            Vault v = new Vault(dirs.vaultFile(), FAST);
            v.create("master".toCharArray());
            v.put(host.passwordSecretId(), password.toCharArray());
            v.put(host.passphraseSecretId(), (password + "-pp").toCharArray());
        }
        List<byte[]> needles = List.of(password.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_16LE), password.getBytes(StandardCharsets.UTF_16BE),
                java.util.Base64.getEncoder().encode(password.getBytes(StandardCharsets.UTF_8)),
                "master".getBytes(StandardCharsets.UTF_8));
        int files = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files++;
                byte[] content = Files.readAllBytes(p);
                for (byte[] n : needles) {
                    assertFalse(contains(content, n), p + " contains a secret in plain text");
                }
            }
        }
        assertEquals(3, files);
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
