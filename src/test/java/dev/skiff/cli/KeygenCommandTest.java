package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code skiff keygen} end to end, compared with the real {@code ssh-keygen}. */
class KeygenCommandTest {
    private static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** Lines the fake terminal answers with; empty = no terminal. */
    private final Deque<String> typed = new ArrayDeque<>();

    @BeforeAll
    static void requireSshKeygen() {
        dev.skiff.testing.Peers.requirePeer(SSH_KEYGEN);
    }

    private int skiff(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = SkiffCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        KeygenCommand keygen = cli.getSubcommands().get("keygen").getCommand();
        keygen.terminal = prompt -> {
            if (typed.isEmpty()) {
                throw new KeygenException("no terminal to read the passphrase from; give it with -P (old) or -N (new)");
            }
            return typed.removeFirst().toCharArray();
        };
        return cli.execute(args);
    }

    private static String[] sshKeygen(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(SSH_KEYGEN));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(errBytes);
            } catch (java.io.IOException e) {
                // ended
            }
        });
        t.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        t.join();
        return new String[] {Integer.toString(p.exitValue()), stdout, errBytes.toString(StandardCharsets.UTF_8)};
    }

    @ParameterizedTest
    @CsvSource({"ed25519, 0", "ecdsa, 256", "ecdsa, 384", "ecdsa, 521", "rsa, 0", "rsa, 1024"})
    void generatedKeysMatchSshKeygen(String type, int bits) throws Exception {
        Path key = dir.resolve("id_" + type);
        String[] args = bits == 0 ? new String[] {"keygen", "-q", "-t", type, "-N", "", "-C", "me@skiff", "-f", key.toString()}
                : new String[] {"keygen", "-q", "-t", type, "-b", Integer.toString(bits), "-N", "", "-C", "me@skiff", "-f", key.toString()};
        assertEquals(0, skiff(args), err.toString());
        assertEquals("", out.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        for (Path f : List.of(key, Path.of(key + ".pub"))) {
            for (String hash : List.of("sha256", "md5")) {
                String[] real = sshKeygen("-l", "-E", hash, "-f", f.toString());
                assertEquals("0", real[0], real[2]);
                assertEquals(0, skiff("keygen", "-l", "-E", hash, "-f", f.toString()), err.toString());
                assertEquals(real[1], out.toString());
            }
        }
        String[] pub = sshKeygen("-y", "-f", key.toString());
        assertEquals(0, skiff("keygen", "-y", "-f", key.toString()));
        assertEquals(pub[1], out.toString());
        if (type.equals("rsa")) {
            assertTrue(out.toString().startsWith("ssh-rsa "));
            assertTrue(sshKeygen("-l", "-f", key.toString())[1].startsWith(bits == 0 ? "3072 " : "1024 "));
        }
    }

    @Test
    void changePassphrase() throws Exception {
        Path key = dir.resolve("id_pw");
        assertEquals(0, skiff("keygen", "-q", "-t", "ecdsa", "-N", "first pass", "-C", "c", "-f", key.toString()));
        assertEquals("0", sshKeygen("-y", "-P", "first pass", "-f", key.toString())[0]);
        assertEquals(0, skiff("keygen", "-p", "-P", "first pass", "-N", "second pass", "-f", key.toString()), err.toString());
        assertTrue(out.toString().contains("saved with the new passphrase"), out.toString());
        assertNotEquals("0", sshKeygen("-y", "-P", "first pass", "-f", key.toString())[0]);
        String[] now = sshKeygen("-y", "-P", "second pass", "-f", key.toString());
        assertEquals("0", now[0], now[2]);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(1, skiff("keygen", "-y", "-P", "first pass", "-f", key.toString()));
        assertEquals("skiff keygen: incorrect passphrase for " + key + "\n", err.toString());
        // from the terminal: two wrong answers, then the right one
        typed.addAll(List.of("x", "y", "second pass"));
        assertEquals(0, skiff("keygen", "-y", "-f", key.toString()), err.toString());
        assertEquals(now[1], out.toString());
        // -l of an encrypted key without .pub: no passphrase needed, no comment (as ssh-keygen)
        Files.delete(Path.of(key + ".pub"));
        assertEquals(0, skiff("keygen", "-l", "-f", key.toString()));
        assertEquals(sshKeygen("-l", "-f", key.toString())[1], out.toString());
    }

    @Test
    void passphraseFromTerminal() throws Exception {
        Path key = dir.resolve("id_t");
        typed.addAll(List.of("typed pass", "typed pass"));
        assertEquals(0, skiff("keygen", "-t", "ed25519", "-C", "c", "-f", key.toString()), err.toString());
        assertTrue(out.toString().contains("The key fingerprint is:"), out.toString());
        assertEquals("0", sshKeygen("-y", "-P", "typed pass", "-f", key.toString())[0]);
        typed.addAll(List.of("a", "b"));
        assertEquals(1, skiff("keygen", "-t", "ed25519", "-f", dir.resolve("other").toString()));
        assertEquals("skiff keygen: passphrases do not match\n", err.toString());
    }

    @Test
    void errorsAreOneLineAndExitOne() throws Exception {
        Path key = dir.resolve("id_e");
        assertEquals(1, skiff("keygen", "-q", "-t", "rsa", "-b", "512", "-N", "", "-f", key.toString()));
        assertEquals("skiff keygen: invalid RSA key length: minimum is 1024 bits\n", err.toString());
        assertEquals(1, skiff("keygen", "-q", "-t", "dsa", "-N", "", "-f", key.toString()));
        assertEquals(1, skiff("keygen", "-q", "-t", "ed25519", "-f", key.toString()));
        assertTrue(err.toString().startsWith("skiff keygen: no terminal"), err.toString());
        assertEquals(0, skiff("keygen", "-q", "-t", "ed25519", "-N", "secret pass", "-f", key.toString()));
        assertEquals(1, skiff("keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        assertEquals("skiff keygen: " + key + " already exists\n", err.toString());
        assertEquals(1, skiff("keygen", "-y", "-f", key.toString()));
        assertTrue(err.toString().startsWith("skiff keygen: no terminal"), err.toString());
        Path junk = dir.resolve("junk");
        Files.writeString(junk, "not a key\n");
        assertEquals(1, skiff("keygen", "-l", "-f", junk.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertEquals(1, skiff("keygen", "-l", "-f", dir.resolve("missing").toString()));
        assertEquals("skiff keygen: " + dir.resolve("missing") + ": No such file or directory\n", err.toString());
        assertEquals(1, skiff("keygen", "-l", "-y", "-f", key.toString()));
    }
}
