package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.PassphraseProvider;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.Identity;
import dev.skiff.testing.OpenSshServer;
import dev.skiff.testing.Peers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every key type in every private key format ssh-keygen writes (plain and encrypted) loads in
 * Skiff and authenticates against a real sshd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyFileAuthIT {
    private static final String PASS = "correct horse";
    private final List<Path> keys = new ArrayList<>();
    private OpenSshServer sshd;
    private PeerMatrix peer;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("skiff-keys");
        String keygen = Peers.requirePeer("/usr/bin/ssh-keygen").toString();
        OpenSshServer.Builder b = OpenSshServer.builder();
        String[][] types = {{"ed25519", null}, {"ecdsa", "256"}, {"ecdsa", "384"}, {"ecdsa", "521"}, {"rsa", "3072"}};
        for (String[] t : types) {
            for (String format : List.of("RFC4716", "PEM", "PKCS8")) {
                if (t[0].equals("ed25519") && !format.equals("RFC4716")) {
                    continue; // ssh-keygen writes ed25519 private keys only in OpenSSH format
                }
                for (boolean encrypted : new boolean[] {false, true}) {
                    Path key = dir.resolve(t[0] + (t[1] == null ? "" : t[1]) + "-" + format + (encrypted ? "-enc" : ""));
                    List<String> cmd = new ArrayList<>(List.of(keygen, "-q", "-t", t[0], "-N", encrypted ? PASS : "",
                            "-m", format, "-f", key.toString()));
                    if (t[1] != null) {
                        cmd.addAll(List.of("-b", t[1]));
                    }
                    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                    assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    b.authorizedKey(Files.readString(Path.of(key + ".pub")));
                    keys.add(key);
                }
            }
        }
        sshd = b.start();
        peer = new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), dir, false);
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachKeyFileAuthenticates() {
        return keys.stream().map(key -> DynamicTest.dynamicTest(key.getFileName().toString(), () -> {
            PassphraseProvider pp = key.toString().endsWith("-enc") ? PassphraseProvider.of(PASS.toCharArray())
                    : PassphraseProvider.none();
            Identity id = Identity.of(PrivateKeyFiles.read(key, pp), key.toString());
            try (SshConnection c = peer.connect(PeerMatrix.base().build())) {
                c.authenticate(AuthenticationPlan.builder(sshd.user()).identity(id).build());
                var s = c.exec("echo ok");
                assertEquals("ok\n", new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8));
                s.close();
            }
        }));
    }
}
