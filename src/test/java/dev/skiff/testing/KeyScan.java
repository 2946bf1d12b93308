package dev.skiff.testing;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs OpenSSH's {@code ssh-keyscan} against a test server; for the fixture ITs. */
final class KeyScan {

    static final String SSH_KEYSCAN = "/usr/bin/ssh-keyscan";

    private KeyScan() {
    }

    /** The keys offered by 127.0.0.1:{@code port} for {@code types}, each as {@code "type base64"}. */
    static Set<String> scan(int port, String types) {
        Peers.requirePeer(SSH_KEYSCAN);
        String output = Exec.run(Duration.ofSeconds(60),
                SSH_KEYSCAN, "-T", "10", "-p", Integer.toString(port), "-t", types, "127.0.0.1").output();
        return output.lines()
                .filter(line -> line.startsWith("[127.0.0.1]:" + port + " "))
                .map(line -> line.split(" "))
                .map(fields -> fields[1] + " " + fields[2])
                .collect(Collectors.toSet());
    }

    /** {@code "type base64"} of a public key line, dropping the comment. */
    static String typeAndBlob(String publicLine) {
        String[] fields = publicLine.split(" ");
        return fields[0] + " " + fields[1];
    }
}
