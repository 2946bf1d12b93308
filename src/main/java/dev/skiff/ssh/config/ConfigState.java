package dev.skiff.ssh.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options gathered so far while reading configuration, with OpenSSH's rule: the first
 * obtained value of a keyword wins; accumulating keywords ({@code IdentityFile},
 * {@code CertificateFile}, forwards, {@code SendEnv}) append instead. Not thread-safe; one per
 * evaluation.
 */
final class ConfigState {
    private final Map<Keyword, Object> values = new EnumMap<>(Keyword.class);
    final List<String> identityFiles = new ArrayList<>();
    final List<String> certificateFiles = new ArrayList<>();
    final List<Forward> localForwards = new ArrayList<>();
    final List<Forward> remoteForwards = new ArrayList<>();
    final List<Forward> dynamicForwards = new ArrayList<>();
    final List<String> sendEnv = new ArrayList<>();

    /** Stores {@code value} unless the keyword already has one. */
    void setIfAbsent(Keyword k, Object value) {
        values.putIfAbsent(k, value);
    }

    /** Replaces a value (only for the final pass's host name). */
    void replace(Keyword k, Object value) {
        values.put(k, value);
    }

    boolean has(Keyword k) {
        return values.containsKey(k);
    }

    /** The stored value, cast to {@code type}. */
    <T> Optional<T> get(Keyword k, Class<T> type) {
        return Optional.ofNullable(values.get(k)).map(type::cast);
    }

    /** A stored list value (for {@code SetEnv}, known-hosts files, {@code ProxyJump}). */
    @SuppressWarnings("unchecked")
    <T> Optional<List<T>> getList(Keyword k) {
        return Optional.ofNullable((List<T>) values.get(k));
    }

    /** The {@code User} obtained so far (for {@code Match user}). */
    Optional<String> user() {
        return get(Keyword.USER, String.class);
    }

    /** The {@code Port} obtained so far, or 22 (for {@code Match} and tokens). */
    int port() {
        return get(Keyword.PORT, Integer.class).orElse(22);
    }
}
