package dev.skiff.app.sessions;

import java.util.ArrayList;
import java.util.List;

/**
 * The sessions package's long-lived objects for one app run, opened together from the config
 * directory: saved hosts, settings and the (locked) vault. Create on a worker or at start-up
 * before the window shows (reads two small files); close on exit to flush pending saves.
 *
 * @param dirs where the files live
 * @param hosts saved hosts
 * @param settings application settings
 * @param vault encrypted secrets; locked until {@link VaultUnlockDialog#ensureUnlocked}
 */
public record SessionServices(AppDirs dirs, HostStore hosts, SettingsStore settings, Vault vault)
        implements AutoCloseable {

    /** Opens everything in {@link AppDirs#current()} (honours {@code -Dskiff.config.dir}). */
    public static SessionServices open() {
        return open(AppDirs.current());
    }

    /** Opens everything in {@code dirs}. */
    public static SessionServices open(AppDirs dirs) {
        return new SessionServices(dirs, HostStore.open(dirs), SettingsStore.open(dirs), Vault.open(dirs));
    }

    /** Messages to show the user once (files that were damaged or from a newer Skiff and were kept aside). */
    public List<String> loadProblems() {
        List<String> out = new ArrayList<>();
        hosts.loadProblem().ifPresent(out::add);
        settings.loadProblem().ifPresent(out::add);
        return out;
    }

    /** Flushes both stores and locks the vault. */
    @Override
    public void close() {
        try {
            hosts.close();
            settings.close();
        } finally {
            vault.lock();
        }
    }
}
