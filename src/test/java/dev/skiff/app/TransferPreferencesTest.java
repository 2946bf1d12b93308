package dev.skiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.sftp.ConflictChoice;
import dev.skiff.app.sftp.TransferSettings;
import dev.skiff.ssh.sftp.transfer.SymlinkPolicy;
import org.junit.jupiter.api.Test;

class TransferPreferencesTest {
    @Test
    void savedOptionsReadBackAsChosen() {
        TransferSettings chosen = TransferSettings.defaults().withParallel(6).withAtomicUploads(false).withPreserve(false)
                .withSymlinks(SymlinkPolicy.COPY_LINK).withConflict(ConflictChoice.RENAME).withLimit(4 << 20);
        assertEquals(chosen, TransferPreferences.read(TransferPreferences.write(chosen)));
    }

    @Test
    void newInstallationGetsTheBrowserDefaults() {
        assertEquals(TransferSettings.defaults(), TransferPreferences.read(AppSettings.Transfers.defaults()));
    }

    @Test
    void unknownNamesFromANewerVersionReadAsDefaults() {
        TransferSettings s = TransferPreferences.read(new AppSettings.Transfers(2, true, true, "HARDLINK", "MERGE", 0));
        assertEquals(SymlinkPolicy.FOLLOW, s.symlinks());
        assertEquals(ConflictChoice.ASK, s.conflict());
        assertEquals(2, s.parallel());
    }
}
