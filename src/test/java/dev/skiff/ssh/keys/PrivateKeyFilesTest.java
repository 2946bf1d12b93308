package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.KeyFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips, passphrase handling and damaged files, without external tools. */
class PrivateKeyFilesTest {
    private static final SshKeyPair ECDSA = SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0).withComment("fuzz me");

    /** bcrypt_pbkdf known answers from OpenBSD's regress tests (as collected by RustCrypto's bcrypt-pbkdf tests). */
    @Test
    void bcryptPbkdfKnownAnswers() {
        assertEquals("5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9",
                hex(BcryptPbkdf.derive(bytes("password"), bytes("salt"), 4, 32)));
        assertEquals("c12b566235eee04c212598970a579a67", hex(BcryptPbkdf.derive(bytes("password"), new byte[1], 4, 16)));
        assertEquals("6051be18c2f4f82cbf0efee5471b4bb9", hex(BcryptPbkdf.derive(new byte[1], bytes("salt"), 4, 16)));
    }

    @Test
    void blowfishInitialStateIsPi() {
        int[] s = BlowfishPi.initialState();
        assertEquals(0x243f6a88, s[0]);
        assertEquals(0xd1310ba6, s[18]);
        assertEquals(0x3ac372e6, s[s.length - 1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"})
    void roundTripPlainAndEncrypted(String type) throws Exception {
        SshKeyPair pair = SshKeyGenerator.generate(type, type.equals("ssh-rsa") ? 1024 : 0).withComment("round trip");
        SshKeyPair plain = PrivateKeyFiles.read(bytes(PrivateKeyFiles.encode(pair, null)), "plain", PassphraseProvider.none());
        assertEquals(pair.publicKey(), plain.publicKey());
        assertEquals("round trip", plain.comment());
        String enc = OpenSshKeyV1.encode(pair, "secret".toCharArray(), KeyFileCipher.AES256_CTR, 2);
        assertTrue(PrivateKeyFiles.isEncrypted(bytes(enc)));
        SshKeyPair decrypted = PrivateKeyFiles.read(bytes(enc), "enc", PassphraseProvider.of("secret".toCharArray()));
        assertEquals(pair.publicKey(), decrypted.publicKey());
        assertArrayEquals(pair.privateKey().getEncoded(), decrypted.privateKey().getEncoded());
    }

    @ParameterizedTest
    @EnumSource(value = KeyFileCipher.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyCipherRoundTrips(KeyFileCipher cipher) throws Exception {
        String enc = OpenSshKeyV1.encode(ECDSA, "pw".toCharArray(), cipher, 1);
        assertEquals(ECDSA.publicKey(), PrivateKeyFiles.read(bytes(enc), "k", PassphraseProvider.of("pw".toCharArray())).publicKey());
        assertThrows(WrongPassphraseException.class,
                () -> PrivateKeyFiles.read(bytes(enc), "k", PassphraseProvider.of("wrong".toCharArray())));
    }

    @Test
    void wrongPassphraseIsAskedThreeTimesThenFails() throws Exception {
        byte[] file = bytes(OpenSshKeyV1.encode(ECDSA, "right".toCharArray(), KeyFileCipher.AES256_CTR, 1));
        List<Integer> attempts = new ArrayList<>();
        WrongPassphraseException e = assertThrows(WrongPassphraseException.class, () -> PrivateKeyFiles.read(file, "id_test",
                (d, attempt) -> {
                    attempts.add(attempt);
                    return "wrong".toCharArray();
                }));
        assertEquals("incorrect passphrase for id_test", e.getMessage());
        assertEquals(List.of(1, 2, 3), attempts);
        SshKeyPair second = PrivateKeyFiles.read(file, "id_test",
                (d, attempt) -> (attempt == 2 ? "right" : "wrong").toCharArray());
        assertEquals(ECDSA.publicKey(), second.publicKey());
    }

    @Test
    void cancelledAndUnencrypted() throws Exception {
        byte[] enc = bytes(OpenSshKeyV1.encode(ECDSA, "right".toCharArray(), KeyFileCipher.AES256_CTR, 1));
        PassphraseCancelledException e = assertThrows(PassphraseCancelledException.class,
                () -> PrivateKeyFiles.read(enc, "id_x", PassphraseProvider.none()));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        byte[] plain = bytes(PrivateKeyFiles.encode(ECDSA, new char[0]));
        assertFalse(PrivateKeyFiles.isEncrypted(plain));
        PrivateKeyFiles.read(plain, "p", (d, a) -> {
            throw new AssertionError("asked for a passphrase of an unencrypted key");
        });
    }

    @Test
    void passphraseArraysAreWiped() throws Exception {
        byte[] enc = bytes(OpenSshKeyV1.encode(ECDSA, "right".toCharArray(), KeyFileCipher.AES256_CTR, 1));
        char[] given = "right".toCharArray();
        PrivateKeyFiles.read(enc, "k", (d, a) -> given);
        assertArrayEquals(new char[5], given);
    }

    @ParameterizedTest
    @EnumSource(value = KeyFileCipher.class)
    void damagedFilesFailCleanly(KeyFileCipher cipher) {
        String pass = cipher == KeyFileCipher.NONE ? "" : "pw";
        byte[] file = bytes(encode(pass, cipher));
        KeyFileFuzz.fuzz(file, pass, 7, 11);
        KeyFileFuzz.expectAllFail(file, pass, 7);
    }

    @Test
    void notKeyFiles() {
        for (String s : List.of("", "hello", "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n", "-----BEGIN FOO-----\n-----END FOO-----\n",
                "-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n-----END OPENSSH PRIVATE KEY-----\n",
                "PuTTY-User-Key-File-3: ssh-ed25519\n", "PuTTY-User-Key-File-1: ssh-rsa\n",
                ECDSA.publicKey().toOpenSshString())) {
            assertThrows(KeyFormatException.class, () -> PrivateKeyFiles.read(bytes(s), "x", PassphraseProvider.none()), s);
        }
    }

    private static String encode(String pass, KeyFileCipher cipher) {
        try {
            return OpenSshKeyV1.encode(ECDSA, pass.toCharArray(), cipher, 1);
        } catch (KeyFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
