package dev.skiff.bench;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.testing.OpenSshServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Handshake benchmark (not a test): starts a private sshd on loopback and measures, interleaved in
 * the same run, Skiff's handshake in a warm JVM (TCP connect, version exchange, key exchange, host
 * key, {@code ssh-userauth} accepted) next to OpenSSH's {@code ssh-keyscan} whole-process time
 * (process start, connect, key exchange with its default method, exit) and OpenSSH {@code ssh} with the
 * same KEX forced (process start to the end of a refused {@code none} authentication), against the
 * same server, per KEX method.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java@handshake-bench} (optional
 * {@code -Dbench.rounds=40}). Prints medians, p10/p90 and the ratio.
 */
public final class HandshakeBenchmark {
    private HandshakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 30);
        List<String> kexes = List.of("curve25519-sha256", "sntrup761x25519-sha512@openssh.com", "ecdh-sha2-nistp256",
                "diffie-hellman-group14-sha256", "diffie-hellman-group16-sha512");
        try (OpenSshServer sshd = OpenSshServer.builder().hostKeyTypes("ed25519").config("MaxStartups 100").start()) {
            System.out.printf(Locale.ROOT, "Handshake benchmark, %s, %d cores, java %s, %d rounds each, interleaved%n",
                    new java.util.Date(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rounds);
            System.out.printf(Locale.ROOT, "%-36s %12s %12s %12s %12s %12s %8s %8s%n", "kex (host key ssh-ed25519)",
                    "skiff med ms", "skiff p10-90", "keyscan med", "keyscan p10-90", "ssh med", "/keyscan", "/ssh");
            for (String kex : kexes) {
                TransportConfig cfg = TransportConfig.builder().kexAlgorithms(kex).hostKeyAlgorithms("ssh-ed25519").build();
                for (int i = 0; i < 30; i++) {
                    skiff(sshd, cfg); // warm-up: JIT, class loading
                }
                List<Double> skiff = new ArrayList<>();
                List<Double> keyscan = new ArrayList<>();
                List<Double> ssh = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    skiff.add(skiff(sshd, cfg));
                    keyscan.add(keyscan(sshd, kex));
                    ssh.add(ssh(sshd, kex));
                }
                double s = median(skiff);
                double k = median(keyscan);
                double o = median(ssh);
                System.out.printf(Locale.ROOT, "%-36s %12.2f %5.1f-%-6.1f %12.2f %5.1f-%-6.1f %12.2f %8.2f %8.2f%n", kex, s,
                        pct(skiff, 10), pct(skiff, 90), k, pct(keyscan, 10), pct(keyscan, 90), o, s / k, s / o);
            }
            System.out.println("ratios = skiff / OpenSSH (lower is faster). OpenSSH times include process start-up;"
                    + " ssh-keyscan uses its default KEX, ssh the forced one and also runs a refused 'none' auth.");
        }
        System.exit(0);
    }

    private static double skiff(OpenSshServer sshd, TransportConfig cfg) throws Exception {
        long t0 = System.nanoTime();
        try (SshConnection c = SshClient.connect(ConnectSpec.of(sshd.host(), sshd.port()),
                SshClientConfig.of(cfg, HostKeyVerifier.ACCEPT_ALL))) {
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!c.isOpen()) {
                throw new IllegalStateException("not open");
            }
            return ms;
        }
    }

    private static double keyscan(OpenSshServer sshd, String kex) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/ssh-keyscan", "-T", "10", "-t", "ed25519", "-p",
                String.valueOf(sshd.port()), "127.0.0.1").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0 || out.length == 0) {
            throw new IllegalStateException("ssh-keyscan failed: " + new String(out));
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double ssh(OpenSshServer sshd, String kex) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/ssh", "-F", "/dev/null", "-o", "KexAlgorithms=" + kex, "-o",
                "HostKeyAlgorithms=ssh-ed25519", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "PreferredAuthentications=none", "-o", "LogLevel=ERROR", "-p",
                String.valueOf(sshd.port()), "nobody-here@127.0.0.1", "true").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 255 || !new String(out).contains("Permission denied")) {
            throw new IllegalStateException("ssh did not reach authentication: " + new String(out));
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> v) {
        return pct(v, 50);
    }

    private static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.round(p / 100.0 * (s.size() - 1))));
    }
}
