package dev.skiff.app.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A browser tab on a real server per test: {@code remote} is the SFTP root, {@code local} the local pane's start. */
abstract class BrowserTestBase {
    @TempDir
    Path tmp;
    Path remote;
    Path local;
    BrowserFixture f;
    FxRobot robot;

    /** Fills {@code local} and {@code remote} before the tab opens. */
    abstract void populate() throws Exception;

    @BeforeEach
    void openBrowser() throws Exception {
        remote = Files.createDirectories(tmp.resolve("remote"));
        local = Files.createDirectories(tmp.resolve("local"));
        populate();
        f = new BrowserFixture(remote, local, TransferSettings.defaults().withConflict(ConflictChoice.OVERWRITE));
        robot = f.robot;
    }

    @AfterEach
    void closeBrowser() throws Exception {
        f.close();
    }
}
