package dev.skiff.ssh.knownhosts;

/** Result of looking a host key up in known_hosts. */
public enum HostKeyStatus {
    /** A matching line holds this key. */
    OK,
    /** No line holds a key for this host (of any type). */
    NEW,
    /** Lines for this host hold other keys of this type, none this one. */
    CHANGED,
    /** The key is marked {@code @revoked}. */
    REVOKED
}
