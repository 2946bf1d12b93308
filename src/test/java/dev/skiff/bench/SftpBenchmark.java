package dev.skiff.bench;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.knownhosts.KnownHostsVerifier;
import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.transfer.RemoteChecksum;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.testing.OpenSshServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SFTP throughput benchmark (not a test): starts a private sshd on loopback and measures, in the
 * same run and interleaved round by round, downloads and uploads of one random file per cipher with
 * <ul>
 * <li>{@code openssh}: OpenSSH {@code sftp -b} as a whole process (start-up, key exchange,
 * authentication, transfer, exit), {@code -o Ciphers=X};</li>
 * <li>{@code skiff-cli}: {@code java -jar target/skiff.jar sftp -b} with the same config file and
 * options, also as a whole process (so it includes the JVM's start-up);</li>
 * <li>{@code skiff}: {@link SftpTransfers#download}/{@link SftpTransfers#upload} with
 * {@link TransferOptions#defaults()} in this (warmed-up) JVM, over a connection opened before the
 * rounds;</li>
 * <li>{@code jsch}: JSch ({@code com.github.mwiede:jsch}) {@code ChannelSftp.get/put} with 64 bulk
 * requests, same JVM, same cipher, as a Java reference.</li>
 * </ul>
 * Wall time is measured around each transfer (around each process for the process-based tools);
 * CPU time is the client's user+sys: {@code /usr/bin/time} for the processes ({@code sftp} and its
 * {@code ssh} child; the JVM for {@code skiff-cli}), the process CPU time delta of this JVM for
 * {@code skiff} and {@code jsch}. The server's CPU is not counted. Every result file's SHA-256 is
 * checked against the source after the timed part. The tool order is rotated each round.
 *
 * <p>Run (builds {@code target/skiff.jar} for {@code skiff-cli}, compiles the tests, runs):
 * <pre>
 * mvn -B -q -DskipTests package exec:java@sftp-bench
 * </pre>
 * If {@code target/skiff.jar} is already current, {@code mvn -B -q test-compile exec:java@sftp-bench}
 * is enough (without the jar the {@code skiff-cli} rows are skipped, with a note). Options (system
 * properties): {@code -Dbench.mib=512} (file size), {@code -Dbench.rounds=5},
 * {@code -Dbench.ciphers=aes128-gcm@openssh.com,chacha20-poly1305@openssh.com},
 * {@code -Dbench.tools=openssh,skiff-cli,skiff,jsch}, {@code -Dbench.jar=target/skiff.jar},
 * {@code -Dbench.cliJvmArgs="-XX:+UseParallelGC"} (extra JVM options for {@code skiff-cli}, space
 * separated), {@code -Dbench.dir=/tmp} (where the files go). Prints median MB/s (10^6 bytes per
 * second), p10–p90, CPU seconds per GiB and the ratio to OpenSSH's median, then the targets.
 */
public final class SftpBenchmark {
    private static final String OPENSSH = "openssh";
    private static final String SKIFF_CLI = "skiff-cli";
    private static final String SKIFF = "skiff";
    private static final String JSCH = "jsch";
    private static final String HOST_ALIAS = "skiff-bench";
    private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(10);

    private final OpenSshServer sshd;
    private final Path dir;
    private final Path key;
    private final Path knownHosts;
    private final Path sshConfig;
    private final Path jar;
    private final List<String> cliJvmArgs;

    /** One timed transfer: wall seconds and the client's CPU seconds (NaN if unknown). */
    private record Sample(double seconds, double cpuSeconds) {
    }

    private enum Direction {
        DOWNLOAD("get"), UPLOAD("put");

        final String command;

        Direction(String command) {
            this.command = command;
        }
    }

    private SftpBenchmark(OpenSshServer sshd, Path dir, Path key, Path knownHosts, Path sshConfig, Path jar,
            List<String> cliJvmArgs) {
        this.sshd = sshd;
        this.dir = dir;
        this.key = key;
        this.knownHosts = knownHosts;
        this.sshConfig = sshConfig;
        this.jar = jar;
        this.cliJvmArgs = cliJvmArgs;
    }

    public static void main(String[] args) throws Exception {
        int mib = Integer.getInteger("bench.mib", 512);
        int rounds = Integer.getInteger("bench.rounds", 5);
        List<String> ciphers = split(System.getProperty("bench.ciphers",
                "aes128-gcm@openssh.com,chacha20-poly1305@openssh.com"), ",");
        List<String> tools = new ArrayList<>(split(System.getProperty("bench.tools",
                String.join(",", OPENSSH, SKIFF_CLI, SKIFF, JSCH)), ","));
        Path jar = Path.of(System.getProperty("bench.jar", "target/skiff.jar")).toAbsolutePath();
        List<String> cliJvmArgs = split(System.getProperty("bench.cliJvmArgs", ""), " ");
        String jarNote = "";
        if (tools.contains(SKIFF_CLI) && !Files.isRegularFile(jar)) {
            tools.remove(SKIFF_CLI);
            jarNote = "NOTE: " + jar + " is missing, skiff-cli skipped; build it with"
                    + " 'mvn -B -q -DskipTests package exec:java@sftp-bench'.";
        }
        long size = (long) mib << 20;

        SshKeyPair userKey = SshKeyGenerator.generate("ssh-ed25519", 0);
        Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory(base, "skiff-sftp-bench").toRealPath();
        try (OpenSshServer sshd = OpenSshServer.builder().hostKeyTypes("ed25519")
                .authorizedKey(userKey.publicKey().toOpenSshString()).start()) {
            Path key = dir.resolve("id_ed25519");
            PrivateKeyFiles.writePrivate(key, userKey, null);
            Path known = dir.resolve("known_hosts");
            Files.writeString(known, sshd.knownHostsText());
            Path config = dir.resolve("ssh_config");
            Files.writeString(config, String.join("\n",
                    "Host " + HOST_ALIAS,
                    "  HostName " + sshd.host(),
                    "  Port " + sshd.port(),
                    "  User " + sshd.user(),
                    "  IdentityFile " + key,
                    "  IdentitiesOnly yes",
                    "  UserKnownHostsFile " + known,
                    "  GlobalKnownHostsFile /dev/null",
                    "  StrictHostKeyChecking yes",
                    "  BatchMode yes",
                    "  Compression no",
                    "  LogLevel ERROR", ""));
            SftpBenchmark bench = new SftpBenchmark(sshd, dir, key, known, config, jar, cliJvmArgs);
            bench.printHeader(mib, rounds, tools, jarNote);

            Path src = dir.resolve("source.bin");
            writeRandom(src, size);
            String srcSha = RemoteChecksum.localSha256(src);
            Path warm = dir.resolve("warm.bin");
            writeRandom(warm, Math.min(size, 64L << 20));

            Map<String, Map<String, List<Sample>>> all = new LinkedHashMap<>();
            for (String cipher : ciphers) {
                Map<String, List<Sample>> results = bench.runCipher(cipher, tools, rounds, src, srcSha, warm);
                all.put(cipher, results);
                printTable(cipher, results, tools, size);
            }
            System.out.println();
            System.out.println("All results (MB/s = 10^6 bytes/s; CPU = client user+sys; ratio = median / OpenSSH median;"
                    + " openssh and skiff-cli are whole processes incl. connect, skiff and jsch are transfers"
                    + " on an open connection in a warm JVM):");
            for (Map.Entry<String, Map<String, List<Sample>>> e : all.entrySet()) {
                printTable(e.getKey(), e.getValue(), tools, size);
            }
            printTargets(all, size);
            System.out.println("load average at end: " + loadAverage());
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        System.exit(0);
    }

    private void printHeader(int mib, int rounds, List<String> tools, String jarNote) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        Process p = new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start();
        String openssh = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        System.out.printf(Locale.ROOT, "SFTP benchmark, %s%n", ZonedDateTime.now());
        System.out.printf(Locale.ROOT, "machine: %d cores, %s; java %s (%s); %s; JSch %s%n",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), openssh, JSch.VERSION);
        System.out.printf(Locale.ROOT, "file %d MiB random, %d rounds per cipher and direction, tools %s,"
                + " interleaved (order rotated each round), sshd on %s:%d%n", mib, rounds, tools, sshd.host(), sshd.port());
        System.out.println("load average at start: " + loadAverage());
        if (!jarNote.isEmpty()) {
            System.out.println(jarNote);
        }
        if (tools.contains(SKIFF_CLI)) {
            List<Double> startup = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                List<String> cmd = new ArrayList<>(javaCommand());
                cmd.add("--version");
                startup.add(timedProcess(cmd, dir.resolve("startup.log"), false).seconds());
            }
            System.out.printf(Locale.ROOT, "skiff-cli start-up ('java -jar skiff.jar --version'): median %.0f ms%n",
                    median(startup) * 1000);
        }
        System.out.flush();
    }

    private Map<String, List<Sample>> runCipher(String cipher, List<String> tools, int rounds, Path src, String srcSha,
            Path warm) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", cipher);
        TransportConfig tc = TransportConfig.builder().ciphers(cipher).hostKeyAlgorithms("ssh-ed25519")
                .connectTimeout(Duration.ofSeconds(10)).kexTimeout(Duration.ofSeconds(30))
                .requestTimeout(Duration.ofSeconds(60)).build();
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(knownHosts), StrictHostKeyChecking.YES, null);
        SshConnection skiffConnection = null;
        SftpClient skiff = null;
        Session jschSession = null;
        ChannelSftp jsch = null;
        Map<String, List<Sample>> results = new LinkedHashMap<>();
        try {
            if (tools.contains(SKIFF)) {
                skiffConnection = SshClient.connect(ConnectSpec.of(sshd.host(), sshd.port()), SshClientConfig.of(tc, verifier));
                skiffConnection.authenticatePublicKey(sshd.user(), PrivateKeyFiles.read(key, null));
                if (!skiffConnection.algorithms().toString().contains(cipher)) {
                    throw new IllegalStateException("skiff negotiated " + skiffConnection.algorithms());
                }
                skiff = skiffConnection.sftp();
            }
            if (tools.contains(JSCH)) {
                JSch j = new JSch();
                j.addIdentity(key.toString());
                j.setKnownHosts(knownHosts.toString());
                jschSession = j.getSession(sshd.user(), sshd.host(), sshd.port());
                jschSession.setConfig("cipher.c2s", cipher); // the only offer, so negotiated or failed
                jschSession.setConfig("cipher.s2c", cipher);
                jschSession.setConfig("server_host_key", "ssh-ed25519");
                jschSession.setConfig("StrictHostKeyChecking", "yes");
                jschSession.setConfig("PreferredAuthentications", "publickey");
                jschSession.connect(30_000);
                jsch = (ChannelSftp) jschSession.openChannel("sftp");
                jsch.setBulkRequests(64);
                jsch.connect(30_000);
            }
            // JIT warm-up for the in-JVM clients (not measured)
            for (int i = 0; i < 3; i++) {
                for (Direction d : Direction.values()) {
                    if (skiff != null) {
                        transfer(SKIFF, d, cipher, warm, skiff, jsch);
                    }
                    if (jsch != null) {
                        transfer(JSCH, d, cipher, warm, skiff, jsch);
                    }
                }
            }
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(tools);
                Collections.rotate(order, round);
                for (Direction d : Direction.values()) {
                    for (String tool : order) {
                        Path out = target(tool, d);
                        Files.deleteIfExists(out);
                        Sample s = transfer(tool, d, cipher, src, skiff, jsch);
                        String sha = RemoteChecksum.localSha256(out);
                        if (!sha.equals(srcSha) || Files.size(out) != Files.size(src)) {
                            throw new IllegalStateException(tool + " " + d + " " + cipher + ": sha256 mismatch " + sha);
                        }
                        Files.delete(out);
                        results.computeIfAbsent(key(d, tool), k -> new ArrayList<>()).add(s);
                        System.out.printf(Locale.ROOT, "  round %d %-8s %-9s %7.1f MB/s  cpu %5.2f s%n", round + 1,
                                d.command, tool, Files.size(src) / 1e6 / s.seconds(), s.cpuSeconds());
                        System.out.flush();
                    }
                }
            }
        } finally {
            if (jsch != null) {
                jsch.disconnect();
            }
            if (jschSession != null) {
                jschSession.disconnect();
            }
            if (skiff != null) {
                skiff.close();
            }
            if (skiffConnection != null) {
                skiffConnection.close();
            }
        }
        return results;
    }

    private Path target(String tool, Direction d) {
        return dir.resolve((d == Direction.DOWNLOAD ? "down-" : "up-") + tool);
    }

    private static String key(Direction d, String tool) {
        return d.command + " " + tool;
    }

    /** Downloads {@code src} (as a remote path) to the tool's local target, or uploads it to the tool's remote target. */
    private Sample transfer(String tool, Direction d, String cipher, Path src, SftpClient skiff, ChannelSftp jsch)
            throws Exception {
        Path out = target(tool, d);
        switch (tool) {
            case OPENSSH:
            case SKIFF_CLI: {
                Path batch = dir.resolve("batch-" + tool);
                Files.writeString(batch, d.command + " " + src + " " + out + "\n");
                List<String> cmd = new ArrayList<>(tool.equals(OPENSSH) ? List.of("sftp") : javaCommand());
                if (tool.equals(SKIFF_CLI)) {
                    cmd.add("sftp");
                }
                cmd.addAll(List.of("-F", sshConfig.toString(), "-o", "Ciphers=" + cipher, "-q", "-b", batch.toString(),
                        HOST_ALIAS));
                return timedProcess(cmd, dir.resolve("log-" + tool), true);
            }
            case SKIFF: {
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                if (d == Direction.DOWNLOAD) {
                    SftpTransfers.download(skiff, src.toString(), out, TransferOptions.defaults());
                } else {
                    SftpTransfers.upload(skiff, src, out.toString(), TransferOptions.defaults());
                }
                return new Sample((System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9);
            }
            case JSCH: {
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                if (d == Direction.DOWNLOAD) {
                    jsch.get(src.toString(), out.toString());
                } else {
                    jsch.put(src.toString(), out.toString());
                }
                return new Sample((System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9);
            }
            default:
                throw new IllegalArgumentException("unknown tool " + tool);
        }
    }

    private List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(cliJvmArgs);
        cmd.addAll(List.of("-jar", jar.toString()));
        return cmd;
    }

    /** Runs {@code command} under {@code /usr/bin/time} (if present); wall time around the process, CPU = user+sys. */
    private Sample timedProcess(List<String> command, Path log, boolean checkExit) throws Exception {
        Path timeFile = dir.resolve("time.out");
        Files.deleteIfExists(timeFile);
        List<String> cmd = new ArrayList<>();
        boolean haveTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (haveTime) {
            cmd.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", timeFile.toString()));
        }
        cmd.addAll(command);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (checkExit && p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "\n" + Files.readString(log));
        }
        double cpu = Double.NaN;
        if (haveTime) {
            List<String> lines = Files.readAllLines(timeFile);
            String[] f = lines.get(lines.size() - 1).strip().split(" ");
            cpu = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
        }
        return new Sample(seconds, cpu);
    }

    /** The first three fields of /proc/loadavg (other work on the machine makes the numbers noisy). */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom rnd = new SplittableRandom(20240601L ^ size);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long n = 0; n < size; n += buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = rnd.nextLong();
                    for (int b = 0; b < 8; b++) {
                        buf[i + b] = (byte) (v >>> (8 * b));
                    }
                }
                out.write(buf, 0, (int) Math.min(buf.length, size - n));
            }
        }
    }

    private static void printTable(String cipher, Map<String, List<Sample>> results, List<String> tools, long size) {
        System.out.printf(Locale.ROOT, "%-30s %-9s %-10s %9s %15s %10s %9s%n", "cipher", "direction", "tool",
                "med MB/s", "p10-p90 MB/s", "CPU s/GiB", "/OpenSSH");
        for (Direction d : Direction.values()) {
            double ref = mbps(results.get(key(d, OPENSSH)), size, 50);
            for (String tool : tools) {
                List<Sample> s = results.get(key(d, tool));
                if (s == null) {
                    continue;
                }
                double m = mbps(s, size, 50);
                double cpu = median(s.stream().map(Sample::cpuSeconds).collect(Collectors.toList())) / (size / (double) (1L << 30));
                System.out.printf(Locale.ROOT, "%-30s %-9s %-10s %9.1f %7.1f-%-7.1f %10.2f %9s%n", cipher,
                        d == Direction.DOWNLOAD ? "download" : "upload", tool, m, mbps(s, size, 10), mbps(s, size, 90), cpu,
                        Double.isNaN(ref) ? "-" : String.format(Locale.ROOT, "%.2f", m / ref));
            }
        }
        System.out.flush();
    }

    private static void printTargets(Map<String, Map<String, List<Sample>>> all, long size) {
        System.out.println();
        System.out.println("Targets (issue 'SFTP: a pipelined client as fast as OpenSSH'):");
        Map<String, List<Sample>> gcm = all.get("aes128-gcm@openssh.com");
        Map<String, List<Sample>> chacha = all.get("chacha20-poly1305@openssh.com");
        for (String skiff : List.of(SKIFF_CLI, SKIFF)) {
            if (gcm != null) {
                double down = mbps(gcm.get(key(Direction.DOWNLOAD, skiff)), size, 50);
                double oDown = mbps(gcm.get(key(Direction.DOWNLOAD, OPENSSH)), size, 50);
                target(skiff + ": aes128-gcm download >= 1.0x OpenSSH", down, oDown);
                double up = mbps(gcm.get(key(Direction.UPLOAD, skiff)), size, 50);
                double best = Math.max(mbps(gcm.get(key(Direction.UPLOAD, OPENSSH)), size, 50),
                        mbps(gcm.get(key(Direction.UPLOAD, JSCH)), size, 50));
                target(skiff + ": aes128-gcm upload >= max(OpenSSH, JSch)", up, best);
            }
            if (chacha != null) {
                for (Direction d : Direction.values()) {
                    double v = mbps(chacha.get(key(d, skiff)), size, 50);
                    double o = mbps(chacha.get(key(d, OPENSSH)), size, 50);
                    target(skiff + ": chacha20-poly1305 " + d.command + " >= 0.7x OpenSSH", v, 0.7 * o);
                }
            }
        }
    }

    private static void target(String what, double value, double goal) {
        if (Double.isNaN(value) || Double.isNaN(goal)) {
            System.out.printf(Locale.ROOT, "  %-55s not measured%n", what);
            return;
        }
        System.out.printf(Locale.ROOT, "  %-55s %-4s (%.1f vs %.1f MB/s)%n", what, value >= goal ? "MET" : "MISS",
                value, goal);
    }

    /** MB/s (10^6 bytes per second) at percentile {@code p} of the samples, NaN if none. */
    private static double mbps(List<Sample> samples, long size, int p) {
        if (samples == null || samples.isEmpty()) {
            return Double.NaN;
        }
        return pct(samples.stream().map(s -> size / 1e6 / s.seconds()).collect(Collectors.toList()), p);
    }

    private static double median(List<Double> v) {
        return pct(v, 50);
    }

    private static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.round(p / 100.0 * (s.size() - 1))));
    }

    private static List<String> split(String s, String sep) {
        List<String> l = new ArrayList<>();
        for (String part : s.split(sep)) {
            if (!part.isBlank()) {
                l.add(part.strip());
            }
        }
        return l;
    }
}
