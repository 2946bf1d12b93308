package dev.skiff.app.sessions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the host editor: one property per {@link SavedHost} field (text as typed), validation
 * (label and host required, port 1..65535, keepalive a number, environment lines
 * {@code NAME=value}, forwards {@code L|R|D spec} one per line) and the resulting host.
 *
 * <p>FX thread (or a single test thread); no UI classes.
 */
public final class HostEditorViewModel {
    private final String id;
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<AuthPreference> auth = new SimpleObjectProperty<>(AuthPreference.AGENT);
    private final StringProperty identityFile = new SimpleStringProperty("");
    private final StringProperty jumpHost = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty environment = new SimpleStringProperty("");
    private final StringProperty forwards = new SimpleStringProperty("");
    private final StringProperty keepalive = new SimpleStringProperty("0");
    private final StringProperty terminalProfile = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);

    /** An editor for {@code existing}, or for a new host when null. */
    public HostEditorViewModel(SavedHost existing) {
        SavedHost h = existing != null ? existing : SavedHost.of("", "", SavedHost.DEFAULT_PORT, "");
        id = h.id();
        label.set(h.label());
        host.set(h.host());
        port.set(Integer.toString(h.port()));
        user.set(h.user());
        auth.set(h.auth());
        identityFile.set(h.identityFile());
        jumpHost.set(h.jumpHost());
        folder.set(h.folder());
        StringBuilder env = new StringBuilder();
        h.environment().forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
        environment.set(env.toString().strip());
        forwards.set(String.join("\n", h.forwards().stream().map(PortForward::toString).toList()));
        keepalive.set(Integer.toString(h.keepaliveSeconds()));
        terminalProfile.set(h.terminalProfile());
        notes.set(h.notes());
        for (Observable o : new Observable[] {label, host, port, user, auth, identityFile, jumpHost, folder,
                environment, forwards, keepalive, terminalProfile, notes}) {
            o.addListener(x -> validate());
        }
        validate();
    }

    private void validate() {
        List<String> problems = problems();
        error.set(problems.isEmpty() ? "" : problems.get(0));
        valid.set(problems.isEmpty());
    }

    /** Every validation problem, in field order; empty when the host can be saved. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (label.get().isBlank()) {
            p.add("Label is required");
        }
        if (host.get().isBlank()) {
            p.add("Host is required");
        } else if (host.get().strip().chars().anyMatch(Character::isWhitespace)) {
            p.add("Host must not contain spaces");
        }
        if (parseInt(port.get(), 1, 65535) < 0) {
            p.add("Port must be a number from 1 to 65535");
        }
        if (parseInt(keepalive.get(), 0, 86_400) < 0) {
            p.add("Keepalive must be a number of seconds (0 = off)");
        }
        try {
            parseEnvironment();
            parseForwards();
        } catch (IllegalArgumentException e) {
            p.add(e.getMessage());
        }
        return p;
    }

    private static int parseInt(String s, int min, int max) {
        try {
            int v = Integer.parseInt(s.strip());
            return v >= min && v <= max ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Map<String, String> parseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : environment.get().split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0 || !l.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Environment line must be NAME=value: \"" + l + "\"");
            }
            env.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return env;
    }

    private List<PortForward> parseForwards() {
        List<PortForward> out = new ArrayList<>();
        for (String line : forwards.get().split("\n")) {
            if (!line.isBlank()) {
                out.add(PortForward.parse(line));
            }
        }
        return out;
    }

    /**
     * The edited host (same id as the one edited).
     *
     * @throws IllegalStateException if the input is not valid
     */
    public SavedHost toSavedHost() {
        if (!valid.get()) {
            throw new IllegalStateException(error.get());
        }
        return new SavedHost(id, label.get().strip(), host.get().strip(), Integer.parseInt(port.get().strip()),
                user.get().strip(), auth.get(), identityFile.get().strip(), jumpHost.get().strip(),
                folder.get().strip(), parseEnvironment(), parseForwards(), Integer.parseInt(keepalive.get().strip()),
                terminalProfile.get().strip(), notes.get());
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<AuthPreference> authProperty() {
        return auth;
    }

    public StringProperty identityFileProperty() {
        return identityFile;
    }

    public StringProperty jumpHostProperty() {
        return jumpHost;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** Environment variables, one {@code NAME=value} per line. */
    public StringProperty environmentProperty() {
        return environment;
    }

    /** Forwards, one {@code L 8080:localhost:80} per line. */
    public StringProperty forwardsProperty() {
        return forwards;
    }

    public StringProperty keepaliveProperty() {
        return keepalive;
    }

    public StringProperty terminalProfileProperty() {
        return terminalProfile;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** The first validation problem, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the host can be saved. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
