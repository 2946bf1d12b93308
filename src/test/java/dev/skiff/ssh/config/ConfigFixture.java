package dev.skiff.ssh.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes config files under a temporary home and evaluates them with a fixed local context. */
final class ConfigFixture {
    final Path home;
    final LocalContext local;

    ConfigFixture(Path home) {
        this.home = home;
        this.local = new LocalContext("alice", home, "box.example.org", Map.of("HOME", home.toString(), "SKIFF_X", "xv"));
    }

    /** Writes {@code text} to {@code home/rel}, creating directories. */
    Path write(String rel, String text) throws IOException {
        Path p = home.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** An evaluator reading only {@code home/.ssh/config} (required). */
    SshConfigEvaluator evaluator(String destination) {
        return new SshConfigEvaluator().local(local).destination(destination)
                .sources(List.of(ConfigSource.user(home.resolve(".ssh/config"), true, local)));
    }

    /** Writes {@code ~/.ssh/config} and evaluates it for {@code destination}. */
    HostConfig eval(String config, String destination) throws IOException {
        write(".ssh/config", config);
        return evaluator(destination).evaluate();
    }
}
