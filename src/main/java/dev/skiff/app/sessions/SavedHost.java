package dev.skiff.app.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved connection. Immutable and thread-safe; stored as JSON by {@link HostStore}. Holds no
 * secrets: passwords and passphrases live in the {@link Vault} under {@link #passwordSecretId()}
 * and {@link #passphraseSecretId()}.
 *
 * @param id stable identifier (a UUID string)
 * @param label display name, required
 * @param host host name or address, required
 * @param port 1..65535
 * @param user remote user; empty for ssh's default (the local user or ~/.ssh/config's)
 * @param auth which authentication to try first
 * @param identityFile private key file; empty for none
 * @param jumpHost another saved host (label or id) or a ProxyJump string; empty for a direct connection
 * @param folder sidebar folder, {@code /} separating levels; empty for top level
 * @param environment variables to set on the server (SetEnv)
 * @param forwards port forwards opened with the connection
 * @param keepaliveSeconds ServerAliveInterval; 0 disables
 * @param terminalProfile terminal profile name; empty for the default
 * @param notes free text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SavedHost(String id, String label, String host, int port, String user, AuthPreference auth,
        String identityFile, String jumpHost, String folder, Map<String, String> environment,
        List<PortForward> forwards, int keepaliveSeconds, String terminalProfile, String notes) {

    /** The default SSH port. */
    public static final int DEFAULT_PORT = 22;

    /** Normalises nulls (missing JSON fields) to empty values and copies the collections. */
    public SavedHost {
        id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        label = Objects.requireNonNullElse(label, "");
        host = Objects.requireNonNullElse(host, "");
        port = port == 0 ? DEFAULT_PORT : port;
        user = Objects.requireNonNullElse(user, "");
        auth = Objects.requireNonNullElse(auth, AuthPreference.AGENT);
        identityFile = Objects.requireNonNullElse(identityFile, "");
        jumpHost = Objects.requireNonNullElse(jumpHost, "");
        folder = Objects.requireNonNullElse(folder, "");
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        forwards = forwards == null ? List.of() : List.copyOf(forwards);
        keepaliveSeconds = Math.max(0, keepaliveSeconds);
        terminalProfile = Objects.requireNonNullElse(terminalProfile, "");
        notes = Objects.requireNonNullElse(notes, "");
    }

    /** A new host with a fresh id and defaults for everything else. */
    public static SavedHost of(String label, String host, int port, String user) {
        return new SavedHost(null, label, host, port, user, AuthPreference.AGENT, "", "", "", Map.of(), List.of(), 0,
                "", "");
    }

    /** A copy with another id. */
    public SavedHost withId(String newId) {
        return new SavedHost(newId, label, host, port, user, auth, identityFile, jumpHost, folder, environment,
                forwards, keepaliveSeconds, terminalProfile, notes);
    }

    /** A copy with another label. */
    public SavedHost withLabel(String newLabel) {
        return new SavedHost(id, newLabel, host, port, user, auth, identityFile, jumpHost, folder, environment,
                forwards, keepaliveSeconds, terminalProfile, notes);
    }

    /** A copy in another folder. */
    public SavedHost withFolder(String newFolder) {
        return new SavedHost(id, label, host, port, user, auth, identityFile, jumpHost, newFolder, environment,
                forwards, keepaliveSeconds, terminalProfile, notes);
    }

    /** A copy with a fresh id and "(copy)" appended to the label. */
    public SavedHost duplicate() {
        return withId(UUID.randomUUID().toString()).withLabel(label + " (copy)");
    }

    /** {@code user@host:port} (user and port left out when default), as a ProxyJump hop. */
    public String hop() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (user.isEmpty() ? "" : user + "@") + h + (port == DEFAULT_PORT ? "" : ":" + port);
    }

    /** The equivalent command line, {@code ssh user@host -p port}. */
    public String sshCommand() {
        return "ssh " + (user.isEmpty() ? "" : user + "@") + host + " -p " + port;
    }

    /** Vault id of this host's saved password. */
    public String passwordSecretId() {
        return "host/" + id + "/password";
    }

    /** Vault id of this host's saved key passphrase. */
    public String passphraseSecretId() {
        return "host/" + id + "/passphrase";
    }
}
