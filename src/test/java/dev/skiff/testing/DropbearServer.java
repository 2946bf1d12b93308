package dev.skiff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Dropbear server for interop tests: own host keys, on a free loopback port, in the
 * foreground, logging to {@link #logText()}, running as the current user.
 *
 * <pre>{@code
 * try (DropbearServer dropbear = DropbearServer.builder().arg("-s").start()) { ... }
 * }</pre>
 *
 * <p>Dropbear 2022.83 has no option for the authorized keys file: it reads
 * {@code ~/.ssh/authorized_keys} of the user logging in. Missing {@code /usr/sbin/dropbear} or
 * {@code dropbearkey}: see {@link Peers#requirePeer}.
 */
public final class DropbearServer extends LoopbackPeerServer {

    public static final String DROPBEAR = "/usr/sbin/dropbear";
    public static final String DROPBEARKEY = "/usr/bin/dropbearkey";
    private static final int PORT_ATTEMPTS = 5;

    private DropbearServer(Path directory, int port, Map<String, String> publicLines, List<Path> keyFiles,
            PeerProcess process) {
        super(directory, port, publicLines, keyFiles, process);
    }

    /** Starts a server with the defaults. */
    public static DropbearServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options, then {@link #start()}s the server. */
    public static final class Builder {
        private final List<String> keyTypes = new ArrayList<>(List.of("ed25519", "ecdsa", "rsa"));
        private final List<String> extraArgs = new ArrayList<>();
        private Duration startTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** Host key types, as {@code dropbearkey -t} names (default ed25519, ecdsa, rsa). */
        public Builder hostKeyTypes(String... types) {
            keyTypes.clear();
            keyTypes.addAll(List.of(types));
            return this;
        }

        /** Extra command-line arguments, e.g. {@code arg("-s")} (no password logins), {@code arg("-W", "65536")}. */
        public Builder arg(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Generates keys, starts {@code dropbear -F -E} and waits until it answers on its port.
         *
         * @throws IllegalStateException with dropbear's output if it fails to start
         */
        public DropbearServer start() {
            Path dropbear = Peers.requirePeer(DROPBEAR);
            Peers.requirePeer(DROPBEARKEY);
            Path dir = createDirectory();
            try {
                Map<String, String> publicLines = new LinkedHashMap<>();
                List<Path> keyFiles = new ArrayList<>();
                for (String type : keyTypes) {
                    Path key = dir.resolve("dropbear_" + type + "_host_key");
                    Exec.output(DROPBEARKEY, "-t", type, "-f", key.toString());
                    String line = publicLine(Exec.output(DROPBEARKEY, "-y", "-f", key.toString()), key);
                    publicLines.put(line.split(" ")[0], line);
                    keyFiles.add(key);
                }
                for (int attempt = 1; ; attempt++) {
                    int port = FreePorts.next();
                    List<String> command = new ArrayList<>(List.of(dropbear.toString(), "-F", "-E",
                            "-p", "127.0.0.1:" + port, "-P", dir.resolve("dropbear.pid").toString()));
                    keyFiles.forEach(key -> command.addAll(List.of("-r", key.toString())));
                    command.addAll(extraArgs);
                    PeerProcess process = PeerProcess.start("dropbear", command, dir.resolve("dropbear.log"));
                    try {
                        process.awaitBanner(port, "SSH-2.0-dropbear", startTimeout);
                        return new DropbearServer(dir, port, Collections.unmodifiableMap(publicLines),
                                List.copyOf(keyFiles), process);
                    } catch (PeerProcess.PortTakenException e) {
                        if (attempt == PORT_ATTEMPTS) {
                            throw new IllegalStateException(e.getMessage() + ", " + attempt + " times");
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                PeerProcess.deleteDirectory(dir);
                throw e;
            }
        }

        /** Picks the key line out of {@code dropbearkey -y}'s output ("Public key portion is:", key, fingerprint). */
        private static String publicLine(String output, Path key) {
            return output.lines()
                    .filter(line -> line.startsWith("ssh-") || line.startsWith("ecdsa-"))
                    .findFirst()
                    .map(String::strip)
                    .orElseThrow(() -> new IllegalStateException("no public key in dropbearkey -y -f " + key + ":\n" + output));
        }

        private static Path createDirectory() {
            try {
                return Files.createTempDirectory("skiff-dropbear-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
