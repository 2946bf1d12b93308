package dev.skiff.ssh.knownhosts;

/** The optional marker that starts a known_hosts line (sshd(8)). */
public enum Marker {
    /** A plain host key line. */
    NONE(""),
    /** {@code @cert-authority}: the key is a CA that signs host certificates; not a host key. */
    CERT_AUTHORITY("@cert-authority"),
    /** {@code @revoked}: the key must never be accepted. */
    REVOKED("@revoked");

    private final String token;

    Marker(String token) {
        this.token = token;
    }

    /** The text written in the file; empty for {@link #NONE}. */
    public String token() {
        return token;
    }

    /** The marker for a token that starts with {@code @}, or {@code null} if unknown. */
    static Marker forToken(String token) {
        for (Marker m : values()) {
            if (m != NONE && m.token.equals(token)) {
                return m;
            }
        }
        return null;
    }
}
