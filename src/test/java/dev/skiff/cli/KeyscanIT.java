package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.testing.Exec;
import dev.skiff.testing.OpenSshServer;
import dev.skiff.testing.Peers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** {@code skiff keyscan} against a real sshd, side by side with OpenSSH's ssh-keyscan. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyscanIT {
    private OpenSshServer sshd;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    void start() {
        sshd = OpenSshServer.builder().hostKeyTypes("ed25519", "ecdsa", "rsa").start();
    }

    @AfterAll
    void stop() {
        sshd.close();
    }

    private Run skiff(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = SkiffCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("keyscan"));
        all.addAll(List.of(args));
        int exit = cl.execute(all.toArray(new String[0]));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Set<String> keyLines(String output) {
        return output.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> openSsh(String type) {
        Peers.requirePeer("/usr/bin/ssh-keyscan");
        Exec.Result r = Exec.run(Duration.ofSeconds(30), "/usr/bin/ssh-keyscan", "-T", "10", "-p",
                String.valueOf(sshd.port()), "-t", type, "127.0.0.1");
        return keyLines(r.output());
    }

    @TestFactory
    Stream<DynamicTest> sameLinesAsSshKeyscanForEachType() {
        return Stream.of("ed25519", "ecdsa", "rsa").map(t -> DynamicTest.dynamicTest(t, () -> {
            Run r = skiff("-p", String.valueOf(sshd.port()), "-t", t, "127.0.0.1");
            assertEquals(0, r.exit(), r.err());
            Set<String> expected = openSsh(t);
            assertEquals(1, expected.size(), "ssh-keyscan found one " + t + " key");
            assertEquals(expected, keyLines(r.out()));
        }));
    }

    @Test
    void allTypesByDefault() {
        Run r = skiff("-p", String.valueOf(sshd.port()), "127.0.0.1");
        assertEquals(0, r.exit(), r.err());
        assertEquals(openSsh("ed25519,ecdsa,rsa"), keyLines(r.out()));
        assertTrue(r.err().contains("# 127.0.0.1:" + sshd.port() + " SSH-2.0-OpenSSH"), r.err());
    }

    @TestFactory
    Stream<DynamicTest> succeedsWithEachForcedAlgorithm() {
        List<String> options = new ArrayList<>();
        for (String k : List.of("sntrup761x25519-sha512@openssh.com", "curve25519-sha256", "curve25519-sha256@libssh.org",
                "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
                "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256")) {
            options.add("KexAlgorithms=" + k);
        }
        for (String c : List.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
                "aes128-ctr", "aes192-ctr", "aes256-ctr")) {
            options.add("Ciphers=" + c);
        }
        for (String m : List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256",
                "hmac-sha2-512", "hmac-sha1", "hmac-sha1-etm@openssh.com")) {
            options.add("Ciphers=aes128-ctr");
            options.add("MACs=" + m);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            String[] extra = o.startsWith("Ciphers=aes128-ctr") && i + 1 < options.size() && options.get(i + 1).startsWith("MACs=")
                    ? new String[] {"-o", o, "-o", options.get(++i)} : new String[] {"-o", o};
            String name = String.join(" ", extra);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<String> args = new ArrayList<>(List.of(extra));
                args.addAll(List.of("-v", "-t", "ed25519", "-p", String.valueOf(sshd.port()), "127.0.0.1"));
                Run r = skiff(args.toArray(new String[0]));
                assertEquals(0, r.exit(), r.err());
                assertEquals(openSsh("ed25519"), keyLines(r.out()));
                String value = extra[extra.length - 1].substring(extra[extra.length - 1].indexOf('=') + 1);
                assertTrue(r.err().contains(value), "negotiated " + value + ":\n" + r.err());
            }));
        }
        return tests.stream();
    }

    @Test
    void verboseDescribesTheNegotiation() {
        Run r = skiff("-v", "-t", "ed25519", "-p", String.valueOf(sshd.port()), "127.0.0.1");
        assertEquals(0, r.exit(), r.err());
        for (String expected : List.of("server offered kex:", "negotiated kex: ", "negotiated cipher: ", "negotiated MAC: ",
                "negotiated compression: ", "strict kex: yes", "server-sig-algs: ")) {
            assertTrue(r.err().contains(expected), expected + " in\n" + r.err());
        }
    }

    @Test
    void unreachableHostIsOneClearLineAndNonZeroExit() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = skiff("-T", "2", "-p", String.valueOf(port), "127.0.0.1");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line for the unreachable host: " + r.err());
        assertTrue(lines.get(0).contains("port " + port), r.err());
    }

    @Test
    void badOptionIsAUsageError() {
        Run r = skiff("-o", "Ciphers=rot13", "127.0.0.1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("rot13"), r.err());
    }

    @Test
    void packagedJarRunsKeyscan() throws Exception {
        Path jar = Path.of("target", "skiff.jar");
        assertTrue(Files.exists(jar), "failsafe runs after package: target/skiff.jar exists");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Exec.Result r = Exec.run(Duration.ofSeconds(60), java, "-jar", jar.toString(), "keyscan", "-t", "ed25519,rsa",
                "-p", String.valueOf(sshd.port()), "127.0.0.1");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(openSsh("ed25519,rsa"), keyLines(r.output()));
    }
}
