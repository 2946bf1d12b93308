package dev.skiff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real OpenSSH {@code sshd} for interop tests: own host keys, own config, own log, on a free
 * loopback port, running as the current user. Use with try-with-resources:
 *
 * <pre>{@code
 * try (OpenSshServer sshd = OpenSshServer.builder().config("KexAlgorithms curve25519-sha256").start()) {
 *     connect(sshd.host(), sshd.port()) ...
 * }
 * }</pre>
 *
 * <p>Defaults: host keys ed25519, ecdsa (P-256) and rsa; public-key authentication only, with
 * {@link #authorizedKeysFile()} (empty unless {@link Builder#authorizedKey} was given);
 * {@code LogLevel DEBUG} into {@link #logText()}; SFTP subsystem {@code /usr/lib/openssh/sftp-server}
 * (or {@code internal-sftp} if absent). Missing {@code /usr/sbin/sshd}: see {@link Peers#requirePeer}.
 */
public final class OpenSshServer extends LoopbackPeerServer {

    public static final String SSHD = "/usr/sbin/sshd";
    public static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    private static final String SFTP_SERVER = "/usr/lib/openssh/sftp-server";
    private static final int PORT_ATTEMPTS = 5;

    private OpenSshServer(Path directory, int port, Map<String, String> publicLines, List<Path> keyFiles,
            PeerProcess process) {
        super(directory, port, publicLines, keyFiles, process);
    }

    /** Starts a server with the defaults. */
    public static OpenSshServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes sure a local account {@code name} exists with {@code password} (idempotent: creates it
     * with {@code useradd -m -s /bin/sh} if missing, then sets the password with {@code chpasswd}),
     * for password and keyboard-interactive tests. sshd can only log in other users when it runs
     * as root; combine with {@link Builder#allowOtherUsers()} (so the account can read the
     * authorized keys), {@code config("PasswordAuthentication yes")}, and for keyboard-interactive
     * {@code config("UsePAM yes")} + {@code config("KbdInteractiveAuthentication yes")}.
     * Without root: an error when {@code CI=true}, else the test is skipped.
     *
     * @return {@code name}
     */
    public static synchronized String requirePasswordUser(String name, String password) {
        if (!Builder.isRoot()) {
            String message = "creating the local test user " + name + " needs root";
            if (Peers.onCi()) {
                throw new IllegalStateException(message + "; CI=true, so this is an error");
            }
            org.junit.jupiter.api.Assumptions.abort(message + "; skipping");
        }
        if (Exec.run(Duration.ofSeconds(30), "id", "-u", name).exitCode() != 0) {
            Exec.Result r = Exec.run(Duration.ofSeconds(60), "useradd", "-m", "-s", "/bin/sh", name);
            if (r.exitCode() != 0 && r.exitCode() != 9) { // 9: created meanwhile by someone else
                r.requireSuccess();
            }
        }
        try {
            Process p = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                in.write((name + ":" + password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("chpasswd for " + name + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run chpasswd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running chpasswd", e);
        }
        return name;
    }

    /** The user the server runs as, and the only one it can log in. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** The file named by {@code AuthorizedKeysFile}; tests may append to it while the server runs. */
    public Path authorizedKeysFile() {
        return directory().resolve("authorized_keys");
    }

    /** The generated {@code sshd_config}. */
    public Path configFile() {
        return directory().resolve("sshd_config");
    }

    /** Collects options, then {@link #start()}s the server. */
    public static final class Builder {
        private final List<String> keyTypes = new ArrayList<>(List.of("ed25519", "ecdsa", "rsa"));
        private final List<String> leadingConfig = new ArrayList<>();
        private final List<String> trailingConfig = new ArrayList<>();
        private final List<String> authorizedKeys = new ArrayList<>();
        private String logLevel = "DEBUG";
        private Duration startTimeout = Duration.ofSeconds(20);
        private String banner;
        private boolean allowOtherUsers;

        private Builder() {
        }

        /**
         * Host key types to generate, as {@code ssh-keygen -t} names (default ed25519, ecdsa, rsa);
         * {@code ecdsa-384} and {@code ecdsa-521} choose the other curves.
         */
        public Builder hostKeyTypes(String... types) {
            keyTypes.clear();
            keyTypes.addAll(List.of(types));
            return this;
        }

        /**
         * A config line placed before the defaults. sshd uses the first value it reads for a keyword,
         * so these override the defaults: {@code config("PasswordAuthentication yes")},
         * {@code config("KexAlgorithms sntrup761x25519-sha512@openssh.com")}, {@code config("RekeyLimit 1M")}.
         */
        public Builder config(String line) {
            leadingConfig.add(line);
            return this;
        }

        /** A config line placed after the defaults, for {@code Match} blocks. */
        public Builder trailingConfig(String line) {
            trailingConfig.add(line);
            return this;
        }

        /** A public key line to write into the authorized keys file. */
        public Builder authorizedKey(String publicKeyLine) {
            authorizedKeys.add(publicKeyLine.strip());
            return this;
        }

        /** Writes {@code text} (raw, as UTF-8) to a file and adds {@code Banner <file>}. */
        public Builder banner(String text) {
            this.banner = text;
            return this;
        }

        /**
         * Makes the server directory world-readable (private host keys stay 0600) so that sshd,
         * reading the authorized keys file as the target user, can do so for users other than the
         * one it runs as (see {@link OpenSshServer#requirePasswordUser}).
         */
        public Builder allowOtherUsers() {
            this.allowOtherUsers = true;
            return this;
        }

        /** sshd {@code LogLevel} (default {@code DEBUG}; {@code DEBUG3} for packet-level detail). */
        public Builder logLevel(String level) {
            this.logLevel = level;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Generates keys and config, starts {@code sshd -D} and waits until it answers on its port.
         *
         * @throws IllegalStateException with sshd's log if it fails to start
         */
        public OpenSshServer start() {
            Path sshd = Peers.requirePeer(SSHD);
            Peers.requirePeer(SSH_KEYGEN);
            ensurePrivilegeSeparationDirectory();
            Path dir = createDirectory();
            try {
                Map<String, String> publicLines = new LinkedHashMap<>();
                List<Path> keyFiles = new ArrayList<>();
                for (String type : keyTypes) {
                    Path key = dir.resolve("ssh_host_" + type + "_key");
                    // "ecdsa-384" / "ecdsa-521" select the curve size
                    String[] typeAndBits = type.split("-", 2);
                    List<String> cmd = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-N", "", "-C", "skiff-test-host",
                            "-t", typeAndBits[0], "-f", key.toString()));
                    if (typeAndBits.length == 2) {
                        cmd.addAll(List.of("-b", typeAndBits[1]));
                    }
                    Exec.output(cmd.toArray(new String[0]));
                    String line = Files.readString(Paths.get(key + ".pub"), StandardCharsets.UTF_8).strip();
                    publicLines.put(line.split(" ")[0], line);
                    keyFiles.add(key);
                }
                Files.write(dir.resolve("authorized_keys"), authorizedKeys, StandardCharsets.UTF_8);
                if (banner != null) {
                    Files.writeString(dir.resolve("banner"), banner, StandardCharsets.UTF_8);
                }
                if (allowOtherUsers) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                    Files.setPosixFilePermissions(dir.resolve("authorized_keys"), PosixFilePermissions.fromString("rw-r--r--"));
                }
                for (int attempt = 1; ; attempt++) {
                    int port = FreePorts.next();
                    Files.write(dir.resolve("sshd_config"), configLines(dir, port, keyFiles), StandardCharsets.UTF_8);
                    PeerProcess process = PeerProcess.start("sshd", List.of(sshd.toString(), "-D", "-e",
                            "-f", dir.resolve("sshd_config").toString(), "-E", dir.resolve("sshd.log").toString()),
                            dir.resolve("sshd.out"), dir.resolve("sshd.log"));
                    try {
                        process.awaitBanner(port, "SSH-2.0-OpenSSH", startTimeout);
                        return new OpenSshServer(dir, port, Collections.unmodifiableMap(publicLines),
                                List.copyOf(keyFiles), process);
                    } catch (PeerProcess.PortTakenException e) {
                        if (attempt == PORT_ATTEMPTS) {
                            throw new IllegalStateException(e.getMessage() + ", " + attempt + " times");
                        }
                    }
                }
            } catch (IOException e) {
                PeerProcess.deleteDirectory(dir);
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                PeerProcess.deleteDirectory(dir);
                throw e;
            }
        }

        private List<String> configLines(Path dir, int port, List<Path> keyFiles) {
            List<String> lines = new ArrayList<>();
            lines.add("# generated by dev.skiff.testing.OpenSshServer");
            lines.addAll(leadingConfig);
            lines.add("ListenAddress 127.0.0.1");
            lines.add("Port " + port);
            keyFiles.forEach(key -> lines.add("HostKey " + key));
            lines.add("PidFile " + dir.resolve("sshd.pid"));
            lines.add("AuthorizedKeysFile " + dir.resolve("authorized_keys"));
            lines.add("UsePAM no");
            lines.add("StrictModes no");
            lines.add("LogLevel " + logLevel);
            if (banner != null) {
                lines.add("Banner " + dir.resolve("banner"));
            }
            lines.add("PubkeyAuthentication yes");
            lines.add("PasswordAuthentication no");
            lines.add("KbdInteractiveAuthentication no");
            lines.add("PermitRootLogin prohibit-password");
            lines.add("PrintMotd no");
            lines.add("PrintLastLog no");
            lines.add("X11Forwarding no");
            lines.add("MaxStartups 200");
            lines.add("MaxSessions 100");
            lines.add("Subsystem sftp " + (Files.isExecutable(Paths.get(SFTP_SERVER)) ? SFTP_SERVER : "internal-sftp"));
            lines.addAll(trailingConfig);
            return lines;
        }

        private static Path createDirectory() {
            try {
                return Files.createTempDirectory("skiff-sshd-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean isRoot() {
            try {
                return Integer.valueOf(0).equals(Files.getAttribute(Paths.get("/proc/self"), "unix:uid"));
            } catch (IOException | UnsupportedOperationException e) {
                return "root".equals(System.getProperty("user.name"));
            }
        }

        /** sshd started by root wants its privilege separation directory, normally made by systemd. */
        private static void ensurePrivilegeSeparationDirectory() {
            Path privsep = Paths.get("/run/sshd");
            if (!isRoot() || Files.isDirectory(privsep)) {
                return;
            }
            try {
                Files.createDirectories(privsep, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + privsep + " for sshd", e);
            }
        }
    }
}
