package dev.skiff.app.sessions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.skiff.ssh.config.Forward;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One port forward of a saved host, in {@code ssh -L/-R/-D} syntax: {@code L 8080:localhost:80},
 * {@code R 9000:localhost:9000}, {@code D 1080}. Immutable; validated on construction.
 *
 * @param type local, remote or dynamic (SOCKS)
 * @param spec the argument as {@code ssh -L} takes it, e.g. {@code 127.0.0.1:8080:db:5432}
 */
public record PortForward(Type type, String spec) {

    /** The forward's direction, named after the ssh flag. */
    public enum Type {
        /** {@code -L} / {@code LocalForward}. */
        L("LocalForward"),
        /** {@code -R} / {@code RemoteForward}. */
        R("RemoteForward"),
        /** {@code -D} / {@code DynamicForward}. */
        D("DynamicForward");

        private final String keyword;

        Type(String keyword) {
            this.keyword = keyword;
        }

        /** The ssh_config keyword. */
        public String keyword() {
            return keyword;
        }
    }

    /** @throws IllegalArgumentException if the spec is not valid for the type */
    @JsonCreator
    public PortForward(@JsonProperty("type") Type type, @JsonProperty("spec") String spec) {
        this.type = Objects.requireNonNull(type, "type");
        this.spec = Objects.requireNonNull(spec, "spec").strip();
        if (parsed().isEmpty()) {
            throw new IllegalArgumentException("invalid -" + type + " forward \"" + spec + "\"");
        }
    }

    /**
     * Parses {@code "L 8080:localhost:80"} (also {@code -L 8080:...} or {@code L8080:...}).
     *
     * @throws IllegalArgumentException for an unknown type or an invalid spec
     */
    public static PortForward parse(String line) {
        String s = line.strip();
        if (s.startsWith("-")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty forward");
        }
        Type t;
        try {
            t = Type.valueOf(s.substring(0, 1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("forward must start with L, R or D: \"" + line.strip() + "\"", e);
        }
        return new PortForward(t, s.substring(1).strip());
    }

    /** The parsed forward (never empty for a constructed instance). */
    public Optional<Forward> parsed() {
        String joined = spec.replace(' ', ':');
        Optional<Forward> f = Forward.parse(joined, type == Type.D, type == Type.R);
        return type == Type.R && f.isEmpty() ? Forward.parse(joined, true, true) : f;
    }

    /** The ssh_config value, e.g. {@code 8080 localhost:80} for a local forward. */
    public String configValue() {
        Forward f = parsed().orElseThrow();
        if (f.isDynamic()) {
            return f.formatListen();
        }
        return f.formatListen() + " " + (f.connectPath().isPresent() ? f.connectPath().get()
                : "[" + f.connectHost().orElseThrow() + "]:" + f.connectPort());
    }

    /** {@code L 8080:localhost:80}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return type + " " + spec;
    }
}
