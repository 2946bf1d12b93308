package dev.skiff.ssh.knownhosts;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One valid known_hosts line: {@code [marker] hostpatterns keytype base64key [comment]}, with the
 * file and line it came from. Immutable; safe for any thread.
 */
public final class KnownHostsEntry {
    private final Path file;
    private final int lineNumber;
    private final Marker marker;
    private final String hostField;
    private final HashedHostName hashed;
    private final String keyType;
    private final byte[] blob;
    private final String comment;

    KnownHostsEntry(Path file, int lineNumber, Marker marker, String hostField, HashedHostName hashed,
            String keyType, byte[] blob, String comment) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.marker = marker;
        this.hostField = hostField;
        this.hashed = hashed;
        this.keyType = keyType;
        this.blob = blob.clone();
        this.comment = comment;
    }

    /** The file this line was read from, or {@code null} for a line parsed from a string. */
    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public int lineNumber() {
        return lineNumber;
    }

    public Marker marker() {
        return marker;
    }

    /** The host field as written (a pattern list, or a {@code |1|salt|hash} hashed name). */
    public String hostField() {
        return hostField;
    }

    public boolean isHashed() {
        return hashed != null;
    }

    /** Key type as written, e.g. {@code ssh-ed25519}. */
    public String keyType() {
        return keyType;
    }

    /** The decoded key blob (a copy). */
    public byte[] blob() {
        return blob.clone();
    }

    /** The comment after the key, empty if none. */
    public String comment() {
        return comment;
    }

    /**
     * Whether this line applies to a lookup name ({@code host} or {@code [host]:port}, lower case,
     * see {@link HostPatterns#lookupName}). A matching negated pattern excludes the line.
     */
    public boolean matchesHost(String lookupName) {
        if (hashed != null) {
            return hashed.matches(lookupName);
        }
        return HostPatterns.matchList(hostField, lookupName) == HostPatterns.ListMatch.MATCH;
    }

    /** Whether this line holds exactly this key. */
    public boolean holdsKey(String type, byte[] keyBlob) {
        return keyType.equals(type) && Arrays.equals(blob, keyBlob);
    }

    /** {@code file:line}, for messages. */
    public String location() {
        return (file == null ? "<known_hosts>" : file.toString()) + ":" + lineNumber;
    }

    @Override
    public String toString() {
        return location() + " " + (marker == Marker.NONE ? "" : marker.token() + " ") + hostField + " " + keyType;
    }
}
