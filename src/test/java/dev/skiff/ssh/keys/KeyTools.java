package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real key tools (ssh-keygen, openssl, puttygen) for interop tests. */
final class KeyTools {
    static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    static final String OPENSSL = "/usr/bin/openssl";
    static final String PUTTYGEN = "/usr/bin/puttygen";

    private KeyTools() {
    }

    static boolean available(String tool) {
        return Files.isExecutable(Path.of(tool));
    }

    /** Runs a command, expects exit 0, returns stdout. */
    static String run(String... cmd) throws IOException, InterruptedException {
        Result r = exec(cmd);
        assertEquals(0, r.exit(), () -> String.join(" ", cmd) + " failed: " + r.err());
        return r.out();
    }

    record Result(int exit, String out, String err) {
    }

    static Result exec(String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(cmd));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> copy(p.getErrorStream(), err));
        t.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + String.join(" ", cmd));
        }
        t.join();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // process ended
        }
    }

    /** {@code keytype base64} of a file, by {@code ssh-keygen -y}. */
    static String sshKeygenPublic(Path file, String passphrase) throws Exception {
        String line = run(SSH_KEYGEN, "-y", "-P", passphrase, "-f", file.toString()).strip();
        String[] parts = line.split(" ");
        return parts[0] + " " + parts[1];
    }

    /** The Ed25519 public key of an OpenSSL PKCS#8 file as an OpenSSH line (SPKI's last 32 bytes). */
    static String opensslEd25519Public(Path file, String passphrase) throws Exception {
        Path der = file.resolveSibling(file.getFileName() + ".spki");
        run(OPENSSL, "pkey", "-in", file.toString(), "-passin", "pass:" + passphrase, "-pubout", "-outform", "DER",
                "-out", der.toString());
        byte[] spki = Files.readAllBytes(der);
        byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        byte[] blob = new dev.skiff.ssh.wire.WireWriter().utf8("ssh-ed25519").string(raw).toByteArray();
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob);
    }
}
