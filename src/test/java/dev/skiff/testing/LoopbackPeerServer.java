package dev.skiff.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the test servers (OpenSSH sshd, Dropbear) share: a private working directory, a loopback
 * port, the generated host keys and the running process. Closing stops the process and its
 * sessions and deletes the directory.
 */
public abstract class LoopbackPeerServer implements AutoCloseable {
    private final Path directory;
    private final int port;
    private final Map<String, String> hostKeyPublicLines;
    private final List<Path> hostKeyFiles;
    private final PeerProcess process;

    LoopbackPeerServer(Path directory, int port, Map<String, String> publicLines, List<Path> keyFiles,
            PeerProcess process) {
        this.directory = directory;
        this.port = port;
        this.hostKeyPublicLines = publicLines;
        this.hostKeyFiles = keyFiles;
        this.process = process;
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /**
     * The host keys' public lines ({@code "ssh-ed25519 AAAA... comment"}), keyed by key type
     * ({@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}), in configuration order.
     */
    public Map<String, String> hostKeyPublicLines() {
        return hostKeyPublicLines;
    }

    /** The host private key files, in configuration order. */
    public List<Path> hostKeyFiles() {
        return hostKeyFiles;
    }

    /** known_hosts lines for this server, e.g. {@code "[127.0.0.1]:40022 ssh-ed25519 AAAA..."}. */
    public String knownHostsText() {
        StringBuilder text = new StringBuilder();
        for (String line : hostKeyPublicLines.values()) {
            String[] fields = line.split(" ");
            text.append('[').append(host()).append("]:").append(port).append(' ')
                    .append(fields[0]).append(' ').append(fields[1]).append('\n');
        }
        return text.toString();
    }

    /** The server's working directory (keys, config, logs); deleted on {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /** The server's log so far (or up to {@link #close()}). */
    public String logText() {
        return process.logText();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server and its session processes, waits for them, and deletes {@link #directory()}. */
    @Override
    public void close() {
        process.close();
        PeerProcess.deleteDirectory(directory);
    }
}
