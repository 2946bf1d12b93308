package dev.skiff.ssh.knownhosts;

/** Result of looking a host key up in known_hosts. */
public enum HostKeyStatus {
    /** A matching line holds this key. */
    OK,
    /**
     * No line for this host holds a key of this type. Keys of other types may be known (then the
     * server offered a type the client did not prefer; see {@link HostKeyVerifier#knownKeyTypes}).
     */
    NEW,
    /** Lines for this host hold other keys of this type, none this one. */
    CHANGED,
    /** The key is marked {@code @revoked} (on any line, whatever its host patterns). */
    REVOKED
}
