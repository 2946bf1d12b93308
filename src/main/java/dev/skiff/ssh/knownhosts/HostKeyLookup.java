package dev.skiff.ssh.knownhosts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of looking a host key up in known_hosts entries, with the lines that decided it.
 *
 * <ul>
 * <li>{@link HostKeyStatus#REVOKED}: an {@code @revoked} line holds the key, whatever its host
 *     patterns (stricter than OpenSSH, which only honours revocations on lines for the host);
 *     evidence: those lines.</li>
 * <li>{@link HostKeyStatus#OK}: a plain line matching the host holds the key; evidence: those lines.</li>
 * <li>{@link HostKeyStatus#CHANGED}: plain lines matching the host hold keys of the same type, none
 *     this key; evidence: those lines (the "old" keys).</li>
 * <li>{@link HostKeyStatus#NEW}: otherwise. Lines for the host with keys of <em>other</em> types do
 *     not make the key CHANGED (as in OpenSSH); they are the evidence and their types are in
 *     {@link #knownKeyTypes}.</li>
 * </ul>
 * {@code @cert-authority} lines never take part in plain key matching.
 *
 * @param status the decision
 * @param evidence the lines that led to it, in file order (empty for NEW on an unknown host)
 */
public record HostKeyLookup(HostKeyStatus status, List<KnownHostsEntry> evidence) {

    public HostKeyLookup {
        evidence = List.copyOf(evidence);
    }

    /**
     * Looks a key up in entries (several files concatenated, user file first).
     *
     * @param keyType key type of the blob; {@code rsa-sha2-256/512} are taken as {@code ssh-rsa}
     */
    public static HostKeyLookup find(List<KnownHostsEntry> entries, String host, int port, String keyType,
            byte[] blob) {
        String name = HostPatterns.lookupName(host, port);
        String type = normalizeKeyType(keyType);
        List<KnownHostsEntry> revoked = new ArrayList<>();
        List<KnownHostsEntry> holding = new ArrayList<>();
        List<KnownHostsEntry> sameType = new ArrayList<>();
        List<KnownHostsEntry> otherType = new ArrayList<>();
        for (KnownHostsEntry e : entries) {
            if (e.marker() == Marker.REVOKED) {
                if (e.holdsKey(type, blob)) {
                    revoked.add(e);
                }
            } else if (e.marker() == Marker.NONE && e.matchesHost(name)) {
                if (e.holdsKey(type, blob)) {
                    holding.add(e);
                } else if (e.keyType().equals(type)) {
                    sameType.add(e);
                } else {
                    otherType.add(e);
                }
            }
        }
        if (!revoked.isEmpty()) {
            return new HostKeyLookup(HostKeyStatus.REVOKED, revoked);
        }
        if (!holding.isEmpty()) {
            return new HostKeyLookup(HostKeyStatus.OK, holding);
        }
        if (!sameType.isEmpty()) {
            return new HostKeyLookup(HostKeyStatus.CHANGED, sameType);
        }
        return new HostKeyLookup(HostKeyStatus.NEW, otherType);
    }

    /**
     * Distinct key types of the plain lines that match the host, in file order. Revoked and
     * cert-authority lines are not counted.
     */
    public static List<String> knownKeyTypes(List<KnownHostsEntry> entries, String host, int port) {
        String name = HostPatterns.lookupName(host, port);
        Set<String> types = new LinkedHashSet<>();
        for (KnownHostsEntry e : entries) {
            if (e.marker() == Marker.NONE && !types.contains(e.keyType()) && e.matchesHost(name)) {
                types.add(e.keyType());
            }
        }
        return List.copyOf(types);
    }

    /**
     * Maps a host key <em>algorithm</em> name to the key type stored in known_hosts: the RSA SHA-2
     * signature algorithms (RFC 8332) use {@code ssh-rsa} keys. Other names are returned as given.
     */
    public static String normalizeKeyType(String keyTypeOrAlgorithm) {
        switch (keyTypeOrAlgorithm) {
            case "rsa-sha2-256":
            case "rsa-sha2-512":
                return "ssh-rsa";
            case "rsa-sha2-256-cert-v01@openssh.com":
            case "rsa-sha2-512-cert-v01@openssh.com":
                return "ssh-rsa-cert-v01@openssh.com";
            default:
                return keyTypeOrAlgorithm;
        }
    }
}
