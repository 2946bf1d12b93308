package dev.skiff.ssh.transport.crypto;

import java.util.Optional;

/** MACs by wire name (RFC 4253 6.4, RFC 6668, OpenSSH -etm variants). */
public enum MacAlgorithm {
    HMAC_SHA2_256_ETM("hmac-sha2-256-etm@openssh.com", "HmacSHA256", 32, 32, true),
    HMAC_SHA2_512_ETM("hmac-sha2-512-etm@openssh.com", "HmacSHA512", 64, 64, true),
    HMAC_SHA2_256("hmac-sha2-256", "HmacSHA256", 32, 32, false),
    HMAC_SHA2_512("hmac-sha2-512", "HmacSHA512", 64, 64, false),
    /** Opt-in only. */
    HMAC_SHA1_ETM("hmac-sha1-etm@openssh.com", "HmacSHA1", 20, 20, true),
    /** Opt-in only. */
    HMAC_SHA1("hmac-sha1", "HmacSHA1", 20, 20, false);

    private final String wireName;
    private final String jcaName;
    private final int keyLength;
    private final int macLength;
    private final boolean etm;

    MacAlgorithm(String wireName, String jcaName, int keyLength, int macLength, boolean etm) {
        this.wireName = wireName;
        this.jcaName = jcaName;
        this.keyLength = keyLength;
        this.macLength = macLength;
        this.etm = etm;
    }

    public String wireName() {
        return wireName;
    }

    public String jcaName() {
        return jcaName;
    }

    public int keyLength() {
        return keyLength;
    }

    public int macLength() {
        return macLength;
    }

    public boolean isEncryptThenMac() {
        return etm;
    }

    public static Optional<MacAlgorithm> byName(String name) {
        for (MacAlgorithm a : values()) {
            if (a.wireName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
