package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.PtyRequest;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.testing.OpenSshServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Follow terminal" without OSC 7 against OpenSSH's sshd: a shell on a pty moves to a directory
 * (with a space in its name); {@link ShellDirectory} asks over the same connection and finds it,
 * and a second connection of the same user does not see the first one's shell.
 */
class ShellDirectoryIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);

    @TempDir
    Path dir;

    @Test
    void findsTheDirectoryOfThisConnectionsShell() throws Exception {
        Path target = Files.createDirectories(dir.resolve("my project")).toRealPath();
        ExecutorService workers = Executors.newCachedThreadPool();
        try (OpenSshServer sshd = OpenSshServer.builder().hostKeyTypes("ed25519")
                .authorizedKey(KEY.publicKey().toOpenSshString()).start();
                SshConnection c = connect(sshd);
                SshConnection other = connect(sshd)) {
            SessionChannel shell = c.openSession();
            shell.requestPty(PtyRequest.of("xterm", 80, 24));
            shell.exec("/bin/sh");
            shell.stdin().write(("cd '" + target + "' && echo in-$((40+2))\n").getBytes(StandardCharsets.UTF_8));
            shell.stdin().flush();
            awaitOutput(shell.stdout(), "in-42");

            assertEquals(target.toString(), ShellDirectory.ask(c, workers).get(60, TimeUnit.SECONDS));
            assertEquals("", ShellDirectory.ask(other, workers).get(60, TimeUnit.SECONDS),
                    "another connection has no shell of its own");
            shell.close();
        } finally {
            workers.shutdownNow();
        }
    }

    private static SshConnection connect(OpenSshServer sshd) throws Exception {
        SshConnection c = SshClient.connect(new ConnectSpec(sshd.host(), sshd.host(), sshd.port(), sshd.user()),
                SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL));
        c.authenticatePublicKey(sshd.user(), KEY);
        return c;
    }

    private static void awaitOutput(InputStream in, String expected) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        byte[] buf = new byte[4096];
        while (!seen.toString(StandardCharsets.UTF_8).contains(expected)) {
            assertTrue(System.nanoTime() < end, "no '" + expected + "' in: " + seen.toString(StandardCharsets.UTF_8));
            int n = in.read(buf);
            assertTrue(n > 0, "the shell ended: " + seen.toString(StandardCharsets.UTF_8));
            seen.write(buf, 0, n);
        }
    }
}
