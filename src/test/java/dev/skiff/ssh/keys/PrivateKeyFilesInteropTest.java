package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files written by the real tools (ssh-keygen, openssl, puttygen) in every supported format
 * load in Skiff, give the public key {@code ssh-keygen -y} (or openssl) prints, and sign.
 */
class PrivateKeyFilesInteropTest {
    static final String PASS = "correct horse";
    /** ssh-keygen -t/-b per key type. */
    static final Map<String, String[]> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("ed25519", new String[] {"-t", "ed25519"});
        TYPES.put("ecdsa256", new String[] {"-t", "ecdsa", "-b", "256"});
        TYPES.put("ecdsa384", new String[] {"-t", "ecdsa", "-b", "384"});
        TYPES.put("ecdsa521", new String[] {"-t", "ecdsa", "-b", "521"});
        TYPES.put("rsa3072", new String[] {"-t", "rsa", "-b", "3072"});
    }

    @TempDir
    static Path dir;
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    /** Files made by the tools, by "type format", for the fuzz tests. */
    static final Map<String, Path> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void generateBaseKeys() throws Exception {
        dev.skiff.testing.Peers.requirePeer(KeyTools.SSH_KEYGEN);
        for (Map.Entry<String, String[]> e : TYPES.entrySet()) {
            List<String> cmd = new ArrayList<>(List.of(KeyTools.SSH_KEYGEN, "-q", "-N", "", "-C", "c-" + e.getKey(),
                    "-f", dir.resolve(e.getKey()).toString()));
            cmd.addAll(List.of(e.getValue()));
            KeyTools.run(cmd.toArray(String[]::new));
            EXPECTED.put(e.getKey(), KeyTools.sshKeygenPublic(dir.resolve(e.getKey()), ""));
        }
    }

    /** A converted copy of the base key of {@code type}. */
    private static Path copy(String type, String format) throws Exception {
        Path p = dir.resolve(type + "-" + format);
        Files.copy(dir.resolve(type), p);
        return p;
    }

    private static Path sshKeygenConvert(String type, String format, String pass, String... extra) throws Exception {
        Path p = copy(type, format);
        List<String> cmd = new ArrayList<>(List.of(KeyTools.SSH_KEYGEN, "-q", "-p", "-P", "", "-N", pass));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("-f", p.toString()));
        KeyTools.run(cmd.toArray(String[]::new));
        return p;
    }

    private static Path openssl(String type, String format, String... args) throws Exception {
        Path pem = sshKeygenConvert(type, format + "-src", "", "-m", "PEM");
        Path out = dir.resolve(type + "-" + format);
        List<String> cmd = new ArrayList<>(List.of(args));
        cmd.addAll(List.of("-in", pem.toString(), "-out", out.toString()));
        KeyTools.run(cmd.toArray(String[]::new));
        return out;
    }

    private static Path puttygen(String type, String format, String params, String pass) throws Exception {
        dev.skiff.testing.Peers.requirePeer(KeyTools.PUTTYGEN);
        Path out = dir.resolve(type + "-" + format + ".ppk");
        List<String> cmd = new ArrayList<>(List.of(KeyTools.PUTTYGEN, dir.resolve(type).toString(), "-O", "private",
                "-o", out.toString(), "--ppk-param", params));
        if (!pass.isEmpty()) {
            Path pf = dir.resolve("passfile");
            Files.writeString(pf, pass + "\n");
            cmd.addAll(List.of("--new-passphrase", pf.toString()));
        }
        KeyTools.run(cmd.toArray(String[]::new));
        return out;
    }

    interface Maker {
        Path make(String type) throws Exception;
    }

    record Format(String name, String pass, boolean ed25519, Maker maker) {
    }

    static List<Format> formats() {
        String o = KeyTools.OPENSSL;
        return List.of(
                new Format("openssh-plain", "", true, t -> copy(t, "openssh-plain")),
                new Format("openssh-aes256-ctr", PASS, true, t -> sshKeygenConvert(t, "openssh-ctr", PASS)),
                new Format("openssh-aes256-gcm", PASS, true,
                        t -> sshKeygenConvert(t, "openssh-gcm", PASS, "-Z", "aes256-gcm@openssh.com")),
                new Format("openssh-chacha20-poly1305", PASS, true,
                        t -> sshKeygenConvert(t, "openssh-chacha", PASS, "-Z", "chacha20-poly1305@openssh.com")),
                new Format("openssh-aes128-cbc", PASS, true, t -> sshKeygenConvert(t, "openssh-cbc", PASS, "-Z", "aes128-cbc")),
                new Format("openssh-aes192-ctr", PASS, true, t -> sshKeygenConvert(t, "openssh-192", PASS, "-Z", "aes192-ctr")),
                new Format("pem-plain", "", false, t -> sshKeygenConvert(t, "pem", "", "-m", "PEM")),
                new Format("pem-aes128-cbc", PASS, false, t -> sshKeygenConvert(t, "pem-enc", PASS, "-m", "PEM")),
                new Format("pem-aes256-cbc", PASS, false,
                        t -> openssl(t, "pem-aes256", o, "pkey", "-traditional", "-aes256", "-passout", "pass:" + PASS)),
                new Format("pem-des-ede3-cbc", PASS, false,
                        t -> openssl(t, "pem-des3", o, "pkey", "-traditional", "-des3", "-passout", "pass:" + PASS)),
                new Format("pkcs8-plain", "", false, t -> sshKeygenConvert(t, "pkcs8", "", "-m", "PKCS8")),
                new Format("pkcs8-sshkeygen-encrypted", PASS, false,
                        t -> sshKeygenConvert(t, "pkcs8-enc", PASS, "-m", "PKCS8")),
                new Format("pkcs8-pbes2-aes256-sha256", PASS, false, t -> openssl(t, "p8-sha256", o, "pkcs8", "-topk8",
                        "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256", "-passout", "pass:" + PASS)),
                new Format("pkcs8-pbes2-aes128-sha1", PASS, false, t -> openssl(t, "p8-sha1", o, "pkcs8", "-topk8",
                        "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1", "-passout", "pass:" + PASS)),
                new Format("ppk2-plain", "", true, t -> puttygen(t, "ppk2", "version=2", "")),
                new Format("ppk2-encrypted", PASS, true, t -> puttygen(t, "ppk2e", "version=2", PASS)),
                new Format("ppk3-plain", "", true, t -> puttygen(t, "ppk3", "version=3", "")),
                new Format("ppk3-argon2id", PASS, true, t -> puttygen(t, "ppk3id", "version=3,kdf=argon2id,passes=2", PASS)),
                new Format("ppk3-argon2i", PASS, true, t -> puttygen(t, "ppk3i", "version=3,kdf=argon2i,passes=2", PASS)),
                new Format("ppk3-argon2d", PASS, true, t -> puttygen(t, "ppk3d", "version=3,kdf=argon2d,passes=2", PASS)));
    }

    @TestFactory
    Stream<DynamicTest> toolWrittenKeysLoad() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Format f : formats()) {
            for (String type : TYPES.keySet()) {
                if (type.equals("ed25519") && !f.ed25519()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(type + " " + f.name(), () -> {
                    Path file = f.maker().make(type);
                    MADE.put(type + " " + f.name(), file);
                    checkLoads(file, f.pass(), EXPECTED.get(type));
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("ed25519 pkcs8 (openssl)", () -> {
            Path file = dir.resolve("ed-openssl.pem");
            KeyTools.run(KeyTools.OPENSSL, "genpkey", "-algorithm", "ed25519", "-out", file.toString());
            checkLoads(file, "", KeyTools.opensslEd25519Public(file, ""));
            Path enc = dir.resolve("ed-openssl-enc.pem");
            KeyTools.run(KeyTools.OPENSSL, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", file.toString(),
                    "-out", enc.toString(), "-passout", "pass:" + PASS);
            checkLoads(enc, PASS, KeyTools.opensslEd25519Public(file, ""));
        }));
        for (String format : List.of("pem-plain", "pem-aes128-cbc", "pkcs8-plain", "pkcs8-pbes2-aes128-sha1", "ppk2-encrypted",
                "ppk3-plain", "ppk3-argon2id", "openssh-aes256-gcm")) {
            Format f = formats().stream().filter(x -> x.name().equals(format)).findFirst().orElseThrow();
            tests.add(DynamicTest.dynamicTest("fuzz ecdsa256 " + format, () -> {
                Path file = MADE.get("ecdsa256 " + format);
                assertNotNull(file, "the key file was generated by an earlier test");
                KeyFileFuzz.fuzz(Files.readAllBytes(file), f.pass(), 7, 13);
            }));
        }
        return tests.stream();
    }

    static void checkLoads(Path file, String pass, String expectedPublic) throws Exception {
        int[] asked = {0};
        SshKeyPair pair = PrivateKeyFiles.read(file, (d, attempt) -> {
            asked[0]++;
            return pass.toCharArray();
        });
        assertEquals(pass.isEmpty() ? 0 : 1, asked[0], "passphrase questions");
        assertEquals(expectedPublic, pair.publicKey().toOpenSshString());
        for (SignatureAlgorithm alg : SignatureAlgorithm.forKeyType(pair.publicKey().keyType())) {
            byte[] data = ("signed by " + file.getFileName()).getBytes(StandardCharsets.UTF_8);
            assertTrue(alg.verify(pair.publicKey(), data, alg.sign(pair.privateKey(), data)), alg.wireName());
        }
    }
}
