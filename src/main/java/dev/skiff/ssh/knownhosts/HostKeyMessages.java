package dev.skiff.ssh.knownhosts;

import dev.skiff.ssh.keys.SshPublicKey;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Texts of host key rejections: multi-line, naming host, key type, fingerprint and file lines. */
final class HostKeyMessages {
    private static final String NL = System.lineSeparator();

    private HostKeyMessages() {
    }

    static String changed(String host, int port, SshPublicKey key, HostKeyLookup lookup) {
        String name = HostPatterns.lookupName(host, port);
        return "The host key for " + name + " has CHANGED." + NL
                + "The server presented " + describe(key) + "," + NL
                + "but known_hosts holds a different " + key.keyType() + " key for this host at:" + NL
                + locations(lookup.evidence()) + NL
                + "Someone could be intercepting the connection (man-in-the-middle attack), "
                + "or the server's host key was replaced." + NL
                + "Skiff refuses changed host keys under every StrictHostKeyChecking setting. "
                + "If the change is expected, remove the old line (ssh-keygen -R '" + name + "' -f "
                + lookup.evidence().get(0).file() + ") and connect again.";
    }

    static String revoked(String host, int port, SshPublicKey key, HostKeyLookup lookup) {
        return "The host key for " + HostPatterns.lookupName(host, port) + " is REVOKED." + NL
                + "The server presented " + describe(key) + ", which is marked @revoked at:" + NL
                + locations(lookup.evidence()) + NL
                + "Skiff never accepts a revoked key.";
    }

    static String unknownStrict(String host, int port, SshPublicKey key, HostKeyLookup lookup, Path userFile) {
        String name = HostPatterns.lookupName(host, port);
        return "Host key for " + name + " is not known and StrictHostKeyChecking is yes." + NL
                + "The server presented " + describe(key) + "." + NL
                + otherTypes(lookup)
                + "Check the fingerprint with the server's administrator, then add the key to " + userFile
                + " (or connect once with StrictHostKeyChecking accept-new).";
    }

    static String declined(String host, int port, SshPublicKey key) {
        return "Host key for " + HostPatterns.lookupName(host, port) + " was not accepted." + NL
                + "The server presented " + describe(key) + ".";
    }

    static String cannotAsk(String host, int port, SshPublicKey key) {
        return "Host key for " + HostPatterns.lookupName(host, port)
                + " is not known and StrictHostKeyChecking is ask, but there is no way to ask." + NL
                + "The server presented " + describe(key) + ".";
    }

    static String unreadable(String host, int port, Path file, Exception cause) {
        return "Cannot check the host key for " + HostPatterns.lookupName(host, port) + ": " + file
                + " cannot be read (" + cause.getMessage() + ").";
    }

    private static String describe(SshPublicKey key) {
        return "an " + key.keyType() + " key with fingerprint " + key.sha256Fingerprint();
    }

    private static String otherTypes(HostKeyLookup lookup) {
        if (lookup.evidence().isEmpty()) {
            return "";
        }
        return "Keys of other types are known for this host at:" + NL + locations(lookup.evidence()) + NL;
    }

    private static String locations(List<KnownHostsEntry> entries) {
        return entries.stream()
                .map(e -> "  " + e.location() + " (" + e.keyType() + ")")
                .collect(Collectors.joining(NL));
    }
}
