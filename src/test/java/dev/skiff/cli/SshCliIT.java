package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.testing.OpenSshServer;
import dev.skiff.testing.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The CLI test matrix: {@code skiff ssh} (the packaged jar) and OpenSSH {@code ssh} run the same
 * commands against the same sshd with the same config file, and must give identical stdout,
 * stderr and exit codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshCliIT {
    private OpenSshServer sshd;
    private Path dir;
    private Path config;

    record Run(int exit, byte[] out, byte[] err) {
        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("skiff-cli");
        Path key = dir.resolve("id_ed25519");
        Process kg = new ProcessBuilder(Peers.requirePeer("/usr/bin/ssh-keygen").toString(), "-q", "-t", "ed25519", "-N", "",
                "-f", key.toString()).start();
        assertEquals(0, kg.waitFor());
        sshd = OpenSshServer.builder().config("AcceptEnv LC_SKIFF*").authorizedKey(Files.readString(dir.resolve("id_ed25519.pub")))
                .start();
        Files.writeString(dir.resolve("known_hosts"), sshd.knownHostsText());
        config = dir.resolve("config");
        Files.writeString(config, String.join("\n",
                "Host testhost",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User " + sshd.user(),
                "  IdentityFile " + key,
                "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + dir.resolve("known_hosts"),
                "  GlobalKnownHostsFile /dev/null",
                "  StrictHostKeyChecking yes",
                "  BatchMode yes",
                "  LogLevel ERROR",
                "  SendEnv LC_SKIFF_*",
                "Host badport",
                "  HostName 127.0.0.1",
                "  Port 1",
                "  BatchMode yes",
                "  LogLevel ERROR",
                ""));
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private Run run(boolean skiff, byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(skiff, stdin, java.util.Map.of(), args);
    }

    private Run run(boolean skiff, byte[] stdin, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (skiff) {
            Path jar = Path.of("target", "skiff.jar");
            assertTrue(Files.exists(jar), "failsafe runs after package");
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "ssh"));
        } else {
            cmd.add(Peers.requirePeer("/usr/bin/ssh").toString());
        }
        cmd.addAll(List.of("-F", config.toString()));
        cmd.addAll(List.of(args));
        Path in = Files.createTempFile(dir, "in", "");
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        Files.write(in, stdin);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("LC_SKIFF_TEST", "from-client");
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    }

    private void same(byte[] stdin, String... args) throws Exception {
        same(stdin, java.util.Map.of(), args);
    }

    private void same(byte[] stdin, java.util.Map<String, String> env, String... args) throws Exception {
        Run ssh = run(false, stdin, env, args);
        Run skiff = run(true, stdin, env, args);
        String what = String.join(" ", args);
        assertEquals(ssh.exit(), skiff.exit(), what + ": exit code; skiff stderr: " + skiff.errText());
        assertArrayEquals(ssh.out(), skiff.out(), what + ": stdout");
        assertEquals(ssh.errText(), skiff.errText(), what + ": stderr");
    }

    @TestFactory
    Stream<DynamicTest> sameResultsAsOpenSsh() {
        byte[] random = new byte[1024 * 1024];
        new Random(7).nextBytes(random);
        List<Object[]> cases = List.of(
                new Object[] {new byte[0], new String[] {"testhost", "echo", "hello", "world"}},
                new Object[] {new byte[0], new String[] {"testhost", "exit 3"}},
                new Object[] {new byte[0], new String[] {"testhost", "echo out; echo err 1>&2; exit 7"}},
                new Object[] {random, new String[] {"testhost", "cat"}},
                new Object[] {random, new String[] {"testhost", "sha256sum"}},
                new Object[] {new byte[0], new String[] {"testhost", "printf 'a\\000b\\r\\n'"}},
                new Object[] {new byte[0], new String[] {"testhost", "no-such-command-here"}},
                new Object[] {new byte[0], new String[] {"testhost", "kill -TERM $$"}},
                new Object[] {new byte[0], new String[] {"testhost", "yes | head -1000"}},
                new Object[] {new byte[0], new String[] {"testhost", "head -c 4194304 /dev/zero & head -c 4194304 /dev/zero 1>&2; wait"}},
                new Object[] {new byte[0], new String[] {"testhost", "echo $LC_SKIFF_TEST"}},
                new Object[] {"line1\nline2\n".getBytes(StandardCharsets.US_ASCII), new String[] {"-T", "testhost", "wc -l"}},
                new Object[] {new byte[0], new String[] {"ssh://" + "testhost", "true"}});
        return cases.stream().map(c -> DynamicTest.dynamicTest(String.join(" ", (String[]) c[1]),
                () -> same((byte[]) c[0], (String[]) c[1])));
    }

    @Test
    void jumpHostAndProxyCommandLikeOpenSsh() throws Exception {
        same(new byte[0], "-J", "testhost", "testhost", "echo via jump");
        same(new byte[0], "-o", "ProxyCommand=/usr/bin/ssh -F " + config + " -W %h:%p testhost", "testhost", "echo via command");
    }

    @Test
    void agentKeysAndAgentForwarding() throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder(Peers.requirePeer("/usr/bin/ssh-agent").toString(), "-D", "-a", sock.toString())
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            ProcessBuilder add = new ProcessBuilder(Peers.requirePeer("/usr/bin/ssh-add").toString(), dir.resolve("id_ed25519").toString())
                    .redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            assertEquals(0, add.start().waitFor());
            var env = java.util.Map.of("SSH_AUTH_SOCK", sock.toString());
            // the key comes from the agent only (no identity file), and the agent is forwarded
            same(new byte[0], env, "-o", "IdentityFile=/nonexistent", "-o", "IdentitiesOnly=no", "-A", "testhost",
                    "ssh-add -l | cut -d' ' -f2");
            Run skiff = run(true, new byte[0], env, "-o", "IdentityFile=/nonexistent", "-A", "testhost", "ssh-add -l");
            assertTrue(new String(skiff.out(), StandardCharsets.UTF_8).contains("ED25519"), skiff.errText());
        } finally {
            agent.destroy();
        }
    }

    @Test
    void localForwardFromTheCommandLine() throws Exception {
        try (var echo = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (java.net.Socket s = echo.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException ignored) {
                    // test over
                }
            });
            server.setDaemon(true);
            server.start();
            int local;
            try (var probe = new java.net.ServerSocket(0)) {
                local = probe.getLocalPort();
            }
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    "target/skiff.jar", "ssh", "-F", config.toString(), "-N", "-L",
                    local + ":127.0.0.1:" + echo.getLocalPort(), "testhost");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try {
                java.net.Socket s = null;
                for (int i = 0; i < 200 && s == null; i++) {
                    try {
                        s = new java.net.Socket("127.0.0.1", local);
                    } catch (IOException e) {
                        Thread.sleep(100);
                    }
                }
                assertTrue(s != null, "skiff ssh -L listens");
                try (java.net.Socket c = s) {
                    c.getOutputStream().write("through the tunnel".getBytes(StandardCharsets.US_ASCII));
                    c.shutdownOutput();
                    assertEquals("through the tunnel", new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
                }
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void interactiveUseGetsAPty() throws Exception {
        // script(1) gives skiff a terminal on stdin; -t then requests a pty for the command
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String inner = java + " -jar target/skiff.jar ssh -F " + config + " -t testhost 'tty; echo done'";
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", inner, "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("/dev/pts/"), "the remote command runs on a pty: " + out);
        assertTrue(out.contains("done"), out);
    }

    @Test
    void passwordFromSshAskpassWhenForced() throws Exception {
        String user = "skiff-auth-test";
        String password = "Sk1ff-askpass-test";
        OpenSshServer.requirePasswordUser(user, password);
        try (OpenSshServer pw = OpenSshServer.builder().config("PasswordAuthentication yes").allowOtherUsers().start()) {
            Path askpass = dir.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\necho '" + password + "'\n");
            askpass.toFile().setExecutable(true);
            Path known = dir.resolve("known_pw");
            Files.writeString(known, pw.knownHostsText());
            var env = java.util.Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0");
            String[] args = {"-F", "/dev/null", "-o", "UserKnownHostsFile=" + known, "-o", "StrictHostKeyChecking=yes",
                "-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no", "-p", String.valueOf(pw.port()),
                user + "@127.0.0.1", "whoami"};
            Run skiff = runPlain(true, env, args);
            Run ssh = runPlain(false, env, args);
            assertEquals(0, skiff.exit(), "skiff out: " + new String(skiff.out(), StandardCharsets.UTF_8) + " err: "
                    + skiff.errText() + " / ssh: " + ssh.exit() + " " + ssh.errText());
            assertEquals(user + "\n", new String(skiff.out(), StandardCharsets.UTF_8));
            assertArrayEquals(ssh.out(), skiff.out());
            assertEquals(ssh.exit(), skiff.exit());
        }
    }

    /** Runs without the test's -F config (args carry their own). */
    private Run runPlain(boolean skiff, java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (skiff) {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/skiff.jar", "ssh"));
        } else {
            cmd.add("/usr/bin/ssh");
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "o", "");
        Path err = Files.createTempFile(dir, "e", "");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    }

    @Test
    void connectionFailureIs255WithOneLine() throws Exception {
        Run ssh = run(false, new byte[0], "badport", "true");
        Run skiff = run(true, new byte[0], "badport", "true");
        assertEquals(255, ssh.exit());
        assertEquals(255, skiff.exit());
        List<String> lines = skiff.errText().lines().toList();
        assertEquals(1, lines.size(), skiff.errText());
        assertTrue(lines.get(0).contains("port 1"), skiff.errText());
    }

    @Test
    void authenticationFailureIs255() throws Exception {
        Run skiff = run(true, new byte[0], "-o", "IdentityFile=/nonexistent", "-o", "IdentitiesOnly=yes",
                "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no", "-l", "nobody-such", "testhost", "true");
        assertEquals(255, skiff.exit());
        assertTrue(skiff.errText().contains("uthentication"), skiff.errText());
    }
}
