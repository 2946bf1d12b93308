package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.testing.OpenSshServer;
import dev.skiff.testing.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * OpenSSH regress sftp-cmds, sftp-badcmds, sftp-batch, sftp-glob, sftp-perm and sftp-resume,
 * run through {@code skiff sftp -b} and OpenSSH's {@code sftp -b} on fresh copies of the same
 * files: the exit status and the resulting files (names, sizes, modes, contents) must be equal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpCliIT {
    private OpenSshServer sshd;
    private Path dir;
    private Path config;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("skiff-sftp-cli");
        Path key = dir.resolve("id");
        assertEquals(0, new ProcessBuilder(Peers.requirePeer("/usr/bin/ssh-keygen").toString(), "-q", "-t", "ed25519",
                "-N", "", "-f", key.toString()).start().waitFor());
        sshd = OpenSshServer.builder().authorizedKey(Files.readString(Path.of(key + ".pub"))).start();
        Files.writeString(dir.resolve("known_hosts"), sshd.knownHostsText());
        config = dir.resolve("config");
        Files.writeString(config, String.join("\n", "Host t", "  HostName 127.0.0.1", "  Port " + sshd.port(),
                "  User " + sshd.user(), "  IdentityFile " + key, "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + dir.resolve("known_hosts"), "  StrictHostKeyChecking yes", "  BatchMode yes",
                "  LogLevel ERROR", ""));
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    /** A work area: local/ with sample files, remote/ with sample files (both on this machine). */
    private Path area(String name) throws IOException {
        Path a = Files.createDirectories(dir.resolve(name));
        for (String side : List.of("local", "remote")) {
            Path d = Files.createDirectories(a.resolve(side));
            Random r = new Random(side.hashCode());
            for (String f : List.of("a.txt", "b.txt", "ab.bin", "c.dat")) {
                byte[] data = new byte[f.endsWith(".bin") ? 300_000 : 1000 + f.length()];
                r.nextBytes(data);
                Files.write(d.resolve(f), data);
            }
            Files.createDirectories(d.resolve("sub/deeper"));
            Files.writeString(d.resolve("sub/deeper/x.txt"), "x in " + side);
        }
        return a;
    }

    private int run(boolean skiff, Path area, String script) throws Exception {
        return run(skiff, area, script, List.of());
    }

    private int run(boolean skiff, Path area, String script, List<String> extra) throws Exception {
        Path batch = area.resolve("batch");
        Files.writeString(batch, script.replace("$L", area.resolve("local").toString())
                .replace("$R", area.resolve("remote").toString()));
        List<String> cmd = new ArrayList<>();
        if (skiff) {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Path.of("target", "skiff.jar").toAbsolutePath().toString(), "sftp"));
        } else {
            cmd.add(Peers.requirePeer("/usr/bin/sftp").toString());
        }
        cmd.addAll(List.of("-F", config.toString(), "-b", batch.toString()));
        cmd.addAll(extra);
        cmd.add("t");
        Process p = new ProcessBuilder(cmd).directory(area.resolve("local").toFile()).redirectErrorStream(true)
                .redirectOutput(area.resolve("output").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        return p.exitValue();
    }

    /** name → size, permissions and sha256 for every file under {@code d}. */
    private static Map<String, String> snapshot(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.toList()) {
                String rel = d.relativize(p).toString();
                if (rel.equals("batch") || rel.equals("output")) {
                    continue;
                }
                String kind = Files.isSymbolicLink(p) ? "link->" + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "dir" : sha(p);
                String perms = Files.isSymbolicLink(p) ? "" : java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p));
                m.put(rel, kind + " " + perms);
            }
        }
        return m;
    }

    private static String sha(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void same(String name, String script) throws Exception {
        Path mine = area(name + "-skiff");
        Path theirs = area(name + "-openssh");
        int s = run(true, mine, script);
        int o = run(false, theirs, script);
        assertEquals(o, s, name + ": exit status; skiff output:\n" + Files.readString(mine.resolve("output")));
        assertEquals(snapshot(theirs), snapshot(mine), name + ": resulting files; skiff output:\n"
                + Files.readString(mine.resolve("output"), StandardCharsets.UTF_8));
    }

    /** OpenSSH regress "sftp": get and put with several buffer sizes and request counts. */
    @TestFactory
    Stream<DynamicTest> bufferSizesAndRequestCounts() {
        return Stream.of(new String[] {"5", "1"}, new String[] {"1000", "2"}, new String[] {"32000", "8"},
                new String[] {"64000", "16"}).map(br -> DynamicTest.dynamicTest("-B " + br[0] + " -R " + br[1], () -> {
                    Path a = area("sftp-B" + br[0]);
                    String script = "get $R/ab.bin $L/copy.1\nput $L/ab.bin $R/copy.2\n";
                    assertEquals(0, run(true, a, script, List.of("-B", br[0], "-R", br[1])), Files.readString(a.resolve("output")));
                    assertEquals(sha(a.resolve("remote/ab.bin")), sha(a.resolve("local/copy.1")));
                    assertEquals(sha(a.resolve("local/ab.bin")), sha(a.resolve("remote/copy.2")));
                }));
    }

    /**
     * sftp -l (Kbit/s, OpenSSH's unit): 2400 Kbit/s = 300 KiB/s, so a get and a put of 300 000
     * bytes each take at least about 1.9 s together (a lower bound: noise only adds time), and the
     * files arrive whole. An out-of-range limit is refused before connecting, with status 1 as
     * OpenSSH's sftp.
     */
    @Test
    void bandwidthLimitSlowsTransfersDown() throws Exception {
        Path a = area("sftp-limit");
        String script = "get $R/ab.bin $L/copy.1\nput $L/ab.bin $R/copy.2\n";
        long t0 = System.nanoTime();
        assertEquals(0, run(true, a, script, List.of("-l", "2400")), Files.readString(a.resolve("output")));
        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(secs >= 1.8, "600 000 bytes at 300 KiB/s took only " + secs + " s");
        assertEquals(sha(a.resolve("remote/ab.bin")), sha(a.resolve("local/copy.1")));
        assertEquals(sha(a.resolve("local/ab.bin")), sha(a.resolve("remote/copy.2")));

        assertEquals(1, run(true, a, script, List.of("-l", "0")));
        assertTrue(Files.readString(a.resolve("output")).contains("Invalid bandwidth limit"));
    }

    @TestFactory
    Stream<DynamicTest> regressScripts() {
        Map<String, String> scripts = new TreeMap<>(Map.of(
                "sftp-cmds", String.join("\n", "cd $R", "lcd $L", "pwd", "lpwd", "ls", "ls -l", "ls -la sub", "mkdir newdir",
                        "put a.txt newdir/a-up.txt", "put -r sub newdir/sub-up", "get b.txt $L/b-down.txt",
                        "get -r sub $L/sub-down", "rename c.dat c-renamed.dat", "ln -s a.txt a-link", "ln a.txt a-hard",
                        "chmod 600 b.txt", "rm ab.bin", "mkdir gone", "rmdir gone", "df", "version", "lmkdir $L/made", ""),
                "sftp-badcmds", String.join("\n", "cd $R", "-get nonexistent $L/x", "-put $L/nonexistent y", "-rm nonexistent",
                        "-rmdir sub", "-cd a.txt", "-rename nonexistent z", "-mkdir sub", "put a.txt after-errors.txt",
                        "get nonexistent $L/never", "put a.txt never-reached.txt", ""),
                "sftp-batch", String.join("\n", "# a comment", "", "cd $R", "  pwd  ", "-rm nothing-here", "put $L/a.txt batch.txt",
                        "bye", "put $L/b.txt not-after-bye.txt", ""),
                "sftp-glob", String.join("\n", "cd $R", "lcd $L", "ls *.txt", "ls a*", "ls [ab]*", "get *.txt $L/", "mkdir g",
                        "put $L/a* g", "rm g/*.bin", "ls g", ""),
                "sftp-perm", String.join("\n", "cd $R", "lcd $L", "chmod 640 a.txt", "chmod 700 sub", "put -p $L/c.dat c-p.dat",
                        "get -p b.txt $L/b-p.txt", ""),
                "sftp-resume", String.join("\n", "cd $R", "lcd $L", "!truncate", "put ab.bin part.bin", "reget part.bin $L/ab.bin",
                        "reput $L/ab.bin part.bin", "")));
        return scripts.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String script = e.getValue().replace("!truncate\n", "");
            same(e.getKey(), script);
        }));
    }
}
