package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-checks with the real OpenSSH {@code ssh-keygen}: fingerprints of generated keys, signatures
 * made by OpenSSH verified here, and signatures made here verified by OpenSSH (via the SSHSIG
 * format of {@code ssh-keygen -Y}).
 */
class SshKeygenInteropTest {
    private static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";

    @TempDir
    Path dir;

    @BeforeAll
    static void requireSshKeygen() {
        dev.skiff.testing.Peers.requirePeer(SSH_KEYGEN);
    }

    private Path generate(String type, int bits) throws Exception {
        Path key = dir.resolve("id_" + type + bits);
        List<String> cmd = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C", "skiff-test", "-f", key.toString()));
        if (bits > 0) {
            cmd.addAll(List.of("-b", Integer.toString(bits)));
        }
        run(null, cmd.toArray(String[]::new));
        return key;
    }

    @ParameterizedTest
    @CsvSource({"ed25519, 0, ssh-ed25519", "ecdsa, 256, ecdsa-sha2-nistp256", "ecdsa, 384, ecdsa-sha2-nistp384",
        "ecdsa, 521, ecdsa-sha2-nistp521", "rsa, 3072, ssh-rsa"})
    void fingerprintsAndBlobsMatchSshKeygen(String type, int bits, String keyType) throws Exception {
        Path key = generate(type, bits);
        Path pub = Path.of(key + ".pub");
        String line = Files.readString(pub).strip();
        SshPublicKey parsed = PublicKeys.parseOpenSsh(line);
        assertEquals(keyType, parsed.keyType());
        assertEquals(field(run(null, SSH_KEYGEN, "-l", "-f", pub.toString()), 1), parsed.sha256Fingerprint());
        assertEquals(field(run(null, SSH_KEYGEN, "-l", "-E", "md5", "-f", pub.toString()), 1), parsed.md5Fingerprint());
        assertTrue(line.startsWith(parsed.toOpenSshString() + " "), line);
        assertArrayEquals(parsed.blob(), PublicKeys.fromJca(parsed.jcaKey()).blob());
        if (!type.equals("ed25519")) {
            // OpenSSH's own SubjectPublicKeyInfo export equals the JCA key we built from the blob
            String spki = run(null, SSH_KEYGEN, "-e", "-m", "PKCS8", "-f", pub.toString());
            assertArrayEquals(pem(spki), parsed.jcaKey().getEncoded());
            // and its private key, exported as PKCS#8, signs what the parsed public key verifies
            run(null, SSH_KEYGEN, "-q", "-p", "-m", "PKCS8", "-N", "", "-P", "", "-f", key.toString());
            var priv = KeyFactory.getInstance(type.equals("rsa") ? "RSA" : "EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(key))));
            for (SignatureAlgorithm alg : SignatureAlgorithm.forKeyType(keyType)) {
                byte[] data = ("data for " + alg).getBytes(StandardCharsets.UTF_8);
                assertTrue(alg.verify(parsed, data, alg.sign(priv, data)), alg.wireName());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"ed25519, 0", "ecdsa, 256", "ecdsa, 384", "ecdsa, 521", "rsa, 3072"})
    void signaturesMadeByOpenSshVerify(String type, int bits) throws Exception {
        Path key = generate(type, bits);
        Path data = dir.resolve("data.txt");
        byte[] message = "signed by OpenSSH\n".getBytes(StandardCharsets.UTF_8);
        Files.write(data, message);
        run(null, SSH_KEYGEN, "-Y", "sign", "-f", key.toString(), "-n", "file", data.toString());
        SshSig.Parsed sig = SshSig.parse(Files.readString(Path.of(data + ".sig")));
        SshPublicKey pub = PublicKeys.parseOpenSsh(Files.readString(Path.of(key + ".pub")));
        assertArrayEquals(pub.blob(), sig.publicKey());
        String algName = new dev.skiff.ssh.wire.WireReader(sig.signature()).ascii();
        SignatureAlgorithm alg = SignatureAlgorithm.byName(algName).orElseThrow();
        byte[] signed = SshSig.signedData(sig.namespace(), sig.hashAlgorithm(), message);
        assertTrue(alg.verify(pub, signed, sig.signature()), algName);
        signed[signed.length - 1] ^= 1;
        assertTrue(!alg.verify(pub, signed, sig.signature()), algName + " over other data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"})
    void signaturesMadeHereVerifyWithOpenSsh(String keyType) throws Exception {
        SshKeyPair pair = SshKeyGenerator.generate(keyType, keyType.equals("ssh-rsa") ? 2048 : 0);
        byte[] message = "signed by Skiff\n".getBytes(StandardCharsets.UTF_8);
        for (SignatureAlgorithm alg : SignatureAlgorithm.forKeyType(keyType)) {
            if (alg == SignatureAlgorithm.SSH_RSA) {
                continue; // OpenSSH refuses SHA-1 RSA signatures in SSHSIG
            }
            byte[] signature = alg.sign(pair.privateKey(), SshSig.signedData("file", "sha512", message));
            Path sigFile = dir.resolve(alg.wireName() + ".sig");
            Files.writeString(sigFile, SshSig.armor(pair.publicKey().blob(), "file", "sha512", signature));
            String out = run(message, SSH_KEYGEN, "-Y", "check-novalidate", "-n", "file", "-s", sigFile.toString());
            assertTrue(out.contains("Good"), alg.wireName() + ": " + out);
        }
    }

    private static String field(String line, int index) {
        return line.strip().split(" ")[index];
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** Runs a command, feeding {@code stdin}; returns stdout+stderr, failing on a non-zero exit. */
    private static String run(byte[] stdin, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream is = p.getInputStream()) {
            is.transferTo(out);
        }
        int rc = p.waitFor();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, String.join(" ", cmd) + " failed: " + text);
        return text;
    }
}
