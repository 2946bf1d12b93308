package dev.skiff.ssh.transport;

import dev.skiff.ssh.transport.kex.DhGroupExchange;
import dev.skiff.ssh.transport.kex.DhGroupSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Immutable settings of one transport: algorithm preference lists, strict KEX, rekey limits,
 * keepalive and timeouts. Build with {@link #builder()}; list setters take OpenSSH {@code -o} syntax
 * through {@link Builder#kexAlgorithms(String)} and friends.
 */
public final class TransportConfig {
    private final List<String> kex;
    private final List<String> hostKey;
    private final List<String> ciphers;
    private final List<String> macs;
    private final List<String> compression;
    private final boolean strictKex;
    private final boolean requireStrictKex;
    private final long rekeyBytes;
    private final Duration rekeyTime;
    private final long rekeyPackets;
    private final Duration keepaliveInterval;
    private final int keepaliveCountMax;
    private final Duration connectTimeout;
    private final Duration kexTimeout;
    private final Duration requestTimeout;
    private final String softwareVersion;
    private final DhGroupSource dhGroups;

    private TransportConfig(Builder b) {
        kex = b.kex;
        hostKey = b.hostKey;
        ciphers = b.ciphers;
        macs = b.macs;
        compression = b.compression;
        strictKex = b.strictKex;
        requireStrictKex = b.requireStrictKex;
        rekeyBytes = b.rekeyBytes;
        rekeyTime = b.rekeyTime;
        rekeyPackets = b.rekeyPackets;
        keepaliveInterval = b.keepaliveInterval;
        keepaliveCountMax = b.keepaliveCountMax;
        connectTimeout = b.connectTimeout;
        kexTimeout = b.kexTimeout;
        requestTimeout = b.requestTimeout;
        softwareVersion = b.softwareVersion;
        dhGroups = b.dhGroups;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static TransportConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.kex = kex;
        b.hostKey = hostKey;
        b.ciphers = ciphers;
        b.macs = macs;
        b.compression = compression;
        b.strictKex = strictKex;
        b.requireStrictKex = requireStrictKex;
        b.rekeyBytes = rekeyBytes;
        b.rekeyTime = rekeyTime;
        b.rekeyPackets = rekeyPackets;
        b.keepaliveInterval = keepaliveInterval;
        b.keepaliveCountMax = keepaliveCountMax;
        b.connectTimeout = connectTimeout;
        b.kexTimeout = kexTimeout;
        b.requestTimeout = requestTimeout;
        b.softwareVersion = softwareVersion;
        b.dhGroups = dhGroups;
        return b;
    }

    public List<String> kexAlgorithms() {
        return kex;
    }

    public List<String> hostKeyAlgorithms() {
        return hostKey;
    }

    public List<String> ciphers() {
        return ciphers;
    }

    public List<String> macs() {
        return macs;
    }

    public List<String> compression() {
        return compression;
    }

    /** Offer kex-strict-*-v00@openssh.com (the Terrapin fix). Default on. */
    public boolean strictKex() {
        return strictKex;
    }

    /** Fail the connection when the peer does not support strict KEX. Default off. */
    public boolean requireStrictKex() {
        return requireStrictKex;
    }

    /** Rekey after this many bytes in either direction (further capped by the cipher's limit). */
    public long rekeyBytes() {
        return rekeyBytes;
    }

    public Duration rekeyTime() {
        return rekeyTime;
    }

    public long rekeyPackets() {
        return rekeyPackets;
    }

    /** OpenSSH ServerAliveInterval; zero disables keepalive. */
    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    /** OpenSSH ServerAliveCountMax. */
    public int keepaliveCountMax() {
        return keepaliveCountMax;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Limit for the version exchange plus the first key exchange, and for each rekey. */
    public Duration kexTimeout() {
        return kexTimeout;
    }

    /** Limit for waiting on any reply (service request, global request). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The identification string we send, e.g. {@code SSH-2.0-Skiff_0.1}. */
    public String softwareVersion() {
        return softwareVersion;
    }

    /** Server role: where diffie-hellman-group-exchange groups come from (default: the built-in RFC 3526 groups). */
    public DhGroupSource dhGroupSource() {
        return dhGroups;
    }

    /** Mutable builder; every list setter validates names against what Skiff supports. */
    public static final class Builder {
        private List<String> kex = AlgorithmLists.DEFAULT_KEX;
        private List<String> hostKey = AlgorithmLists.DEFAULT_HOST_KEY;
        private List<String> ciphers = AlgorithmLists.DEFAULT_CIPHERS;
        private List<String> macs = AlgorithmLists.DEFAULT_MACS;
        private List<String> compression = AlgorithmLists.DEFAULT_COMPRESSION;
        private boolean strictKex = true;
        private boolean requireStrictKex;
        private long rekeyBytes = 1L << 30;
        private Duration rekeyTime = Duration.ofHours(1);
        private long rekeyPackets = 1L << 31;
        private Duration keepaliveInterval = Duration.ZERO;
        private int keepaliveCountMax = 3;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration kexTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private String softwareVersion = "SSH-2.0-Skiff_" + Version.get();
        private DhGroupSource dhGroups = DhGroupExchange::chooseGroup;

        public Builder kexAlgorithms(String spec) {
            kex = AlgorithmLists.apply("key exchange algorithm", AlgorithmLists.DEFAULT_KEX, AlgorithmLists.SUPPORTED_KEX, spec);
            return this;
        }

        public Builder hostKeyAlgorithms(String spec) {
            hostKey = AlgorithmLists.apply("host key algorithm", AlgorithmLists.DEFAULT_HOST_KEY,
                    AlgorithmLists.SUPPORTED_HOST_KEY, spec);
            return this;
        }

        public Builder ciphers(String spec) {
            ciphers = AlgorithmLists.apply("cipher", AlgorithmLists.DEFAULT_CIPHERS, AlgorithmLists.SUPPORTED_CIPHERS, spec);
            return this;
        }

        public Builder macs(String spec) {
            macs = AlgorithmLists.apply("MAC", AlgorithmLists.DEFAULT_MACS, AlgorithmLists.SUPPORTED_MACS, spec);
            return this;
        }

        /** A list spec, or OpenSSH's {@code Compression yes|no}. */
        public Builder compression(String spec) {
            if ("yes".equalsIgnoreCase(spec)) {
                compression = List.of("zlib@openssh.com", "zlib", "none");
            } else if ("no".equalsIgnoreCase(spec)) {
                compression = List.of("none");
            } else {
                compression = AlgorithmLists.apply("compression", AlgorithmLists.DEFAULT_COMPRESSION,
                        AlgorithmLists.SUPPORTED_COMPRESSION, spec);
            }
            return this;
        }

        public Builder hostKeyAlgorithmList(List<String> list) {
            hostKey = List.copyOf(list);
            return this;
        }

        public Builder strictKex(boolean on) {
            strictKex = on;
            return this;
        }

        public Builder requireStrictKex(boolean on) {
            requireStrictKex = on;
            return this;
        }

        public Builder rekeyBytes(long bytes) {
            if (bytes < 16) {
                throw new IllegalArgumentException("rekey limit too small: " + bytes);
            }
            rekeyBytes = bytes;
            return this;
        }

        public Builder rekeyTime(Duration d) {
            rekeyTime = Objects.requireNonNull(d);
            return this;
        }

        public Builder rekeyPackets(long packets) {
            rekeyPackets = packets;
            return this;
        }

        public Builder keepalive(Duration interval, int countMax) {
            keepaliveInterval = Objects.requireNonNull(interval);
            keepaliveCountMax = Math.max(1, countMax);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder kexTimeout(Duration d) {
            kexTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder requestTimeout(Duration d) {
            requestTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder softwareVersion(String v) {
            softwareVersion = Objects.requireNonNull(v);
            return this;
        }

        /** Server role: the group source for group exchange, e.g. a moduli file with the built-in groups as fallback. */
        public Builder dhGroupSource(DhGroupSource source) {
            dhGroups = Objects.requireNonNull(source);
            return this;
        }

        public TransportConfig build() {
            return new TransportConfig(this);
        }
    }
}
