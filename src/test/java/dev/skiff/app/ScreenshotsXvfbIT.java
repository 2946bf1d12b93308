package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static dev.skiff.app.testing.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.sessions.AuthPreference;
import dev.skiff.app.sessions.SavedHost;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.app.testing.Screenshots;
import dev.skiff.testing.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screenshots for the README, taken from the real app on a real X server (Xvfb, GTK glass) and
 * a real SSH server: the main window in light and dark, the unknown-host-key dialog, a
 * keyboard-interactive round and a terminal with colourful output. Each is checked to be a real
 * picture (many colours; the dark one darker than the light one). Written to
 * {@code target/screenshots/}; the chosen ones are copied by hand to {@code src/site/screenshots/}.
 */
class ScreenshotsXvfbIT {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    @TempDir
    Path dir;
    private AppFixture app;

    @BeforeEach
    void start() throws Exception {
        Peers.requireDisplay();
        app = new AppFixture(dir);
        app.saveHosts(List.of(
                SavedHost.of("Web frontend", "web-01.example.com", 22, "deploy").withFolder("Production"),
                SavedHost.of("Database", "db-01.example.com", 22, "postgres").withFolder("Production"),
                SavedHost.of("Bastion", "bastion.example.com", 22, "ops").withFolder("Production"),
                SavedHost.of("Staging API", "staging.example.com", 2222, "deploy").withFolder("Staging"),
                app.host("Test box", AppTestServer.PASSWORD_USER, AuthPreference.PASSWORD, "Lab"),
                app.host("Two-step login", AppTestServer.KBDINT_USER, AuthPreference.KEYBOARD_INTERACTIVE, "Lab"),
                SavedHost.of("Raspberry Pi", "raspberrypi.local", 22, "pi")));
        app.saveSettings(s -> s.withTheme(AppSettings.Theme.LIGHT).withFirstRunDone(true)
                .withWindow(new AppSettings.WindowBounds(40, 40, WIDTH, HEIGHT, false)));
        Files.createDirectories(app.home.resolve(".ssh"));
        Files.writeString(app.home.resolve(".ssh").resolve("config"),
                "Host gateway\n  HostName gw.example.net\n  User me\n");
        demoProject(app.home.resolve("project"));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** A directory whose listing shows ls's colours: directories, executables, archives, images, links. */
    private static void demoProject(Path p) throws Exception {
        for (String d : new String[] {"src", "docs", "build", "scripts"}) {
            Files.createDirectories(p.resolve(d));
        }
        Files.writeString(p.resolve("README.md"), "# demo\n");
        Files.writeString(p.resolve("notes.txt"), "remember the milk\n".repeat(40));
        Files.writeString(p.resolve("deploy.sh"), "#!/bin/sh\necho deploy\n");
        Files.setPosixFilePermissions(p.resolve("deploy.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(p.resolve("logo.png"), new byte[2048]);
        Files.write(p.resolve("release-1.4.2.tar.gz"), new byte[48_213]);
        Files.createSymbolicLink(p.resolve("latest.tar.gz"), Path.of("release-1.4.2.tar.gz"));
    }

    @Test
    void mainWindowDialogsAndTerminal() throws Exception {
        app.startApp();
        app.robot.clickOn(app.hostCell("Test box"));
        Path welcome = Screenshots.save(app.stage(), "welcome-light");
        assertPicture(welcome, 64);

        // unknown host key, then the password
        app.robot.doubleClickOn(app.hostCell("Test box"));
        until("the unknown host key dialog", () -> app.present("#hostkey-fingerprint"));
        Thread.sleep(500); // the dialog window is mapped and painted
        assertPicture(Screenshots.save(dialogScene("#hostkey-dialog"), "hostkey"), 32);
        app.robot.clickOn("#hostkey-trust");
        until("the password dialog", () -> app.present("#password-field"));
        app.robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        app.robot.clickOn("#password-ok");
        TerminalTab terminal = app.tab(0);
        app.connected(terminal);

        // a themed prompt and coloured output
        app.run(terminal, "E=$(printf '\\033'); PS1=\"${E}[1;32malice@lab${E}[0m:${E}[1;34m~/project${E}[0m\\$ \"; "
                + "colours() { for i in $(seq $1 $2); do printf \"\\033[48;5;${i}m  \"; done; printf '\\033[0m\\n'; }; "
                + "cd project; clear; echo ready-$((20+1))", "ready-21");
        fx(() -> {
            terminal.typeText("clear\n");
            return null;
        });
        app.run(terminal, "ls --color=always -la; colours 16 51; colours 196 231", "latest.tar.gz");
        app.run(terminal, "uname -sm", "Linux");
        Thread.sleep(500);
        Path light = Screenshots.save(app.stage(), "main-light");
        assertPicture(light, 128);

        // dark, through the View menu
        app.robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        until("the dark theme", () -> AppTheme.stylesheet(true).equals(Application.getUserAgentStylesheet()));
        Thread.sleep(800); // the terminal repaints with its dark scheme
        Path dark = Screenshots.save(app.stage(), "main-dark");
        assertPicture(dark, 128);
        assertTrue(Screenshots.meanBrightness(dark) + 0.2 < Screenshots.meanBrightness(light),
                "dark " + Screenshots.meanBrightness(dark) + " vs light " + Screenshots.meanBrightness(light));
        assertPicture(Screenshots.save(app.sessions(), "terminal"), 128);

        // keyboard-interactive: the saved host's key is known now, so the round comes at once
        app.robot.doubleClickOn(app.hostCell("Two-step login"));
        until("the keyboard-interactive dialog", () -> app.present("#kbdint-answer-1"));
        app.robot.clickOn("#kbdint-answer-0").write(AppTestServer.PASSWORD);
        app.robot.clickOn("#kbdint-answer-1").write(AppTestServer.KBDINT_CODE);
        Thread.sleep(300);
        assertPicture(Screenshots.save(dialogScene("#kbdint-dialog"), "kbdint"), 32);
        app.robot.clickOn("#kbdint-ok");
        TerminalTab second = app.tab(1);
        app.connected(second);
        app.run(second, "echo carol-$((40+2))", "carol-42");
    }

    private Scene dialogScene(String id) throws Exception {
        return fx(() -> app.robot.lookup(id).query().getScene());
    }

    private static void assertPicture(Path png, int minColours) {
        int colours = Screenshots.distinctColours(png);
        assertTrue(colours >= minColours, png + " has only " + colours + " colours");
    }
}
