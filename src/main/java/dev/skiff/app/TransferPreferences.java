package dev.skiff.app;

import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.sftp.ConflictChoice;
import dev.skiff.app.sftp.TransferSettings;
import dev.skiff.ssh.sftp.transfer.SymlinkPolicy;

/**
 * The file browser's transfer options as saved in {@code settings.json}: a new browser starts with
 * the options last chosen in any browser. Names that this version does not know read as the defaults.
 */
final class TransferPreferences {
    private TransferPreferences() {
    }

    static TransferSettings read(AppSettings.Transfers t) {
        TransferSettings d = TransferSettings.defaults();
        return new TransferSettings(t.parallel(), t.atomicUploads(), t.preserve(),
                named(SymlinkPolicy.class, t.symlinks(), d.symlinks()), named(ConflictChoice.class, t.conflict(), d.conflict()),
                t.limit());
    }

    static AppSettings.Transfers write(TransferSettings t) {
        return new AppSettings.Transfers(t.parallel(), t.atomicUploads(), t.preserve(), t.symlinks().name(),
                t.conflict().name(), t.limit());
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, E otherwise) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return otherwise;
        }
    }
}
