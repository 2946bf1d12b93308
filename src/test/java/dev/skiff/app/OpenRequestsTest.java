package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.connections.QuickConnect;
import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.launch.OpenRequest;
import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.SavedHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Requests reach the right action: saved hosts by label, URLs as quick-connect text that parses back. */
class OpenRequestsTest {

    @TempDir
    Path dir;

    @Test
    void savedHostsByLabelAndUrlsThroughQuickConnect() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        List<String> opened = new ArrayList<>();
        try (HostStore hosts = HostStore.open(new AppDirs(dir))) {
            hosts.put(SavedHost.of("Web Server", "web.example.org", 22, "alice"));
            OpenRequests handler = new OpenRequests(hosts, h -> opened.add("host " + h.host()),
                    text -> opened.add("quick " + text), new Dialogs(), stage);
            fx(() -> {
                handler.open(OpenRequest.savedHost("web server"));
                handler.open(OpenRequest.parseUrl("ssh://bob@db.example.org:2222"));
                handler.open(OpenRequest.parseUrl("sftp://al%20ice@[::1]:2200/srv/some%20dir"));
                handler.open(OpenRequest.parseUrl("ssh://files.example.org"));
                return null;
            });
        }
        assertEquals(List.of("host web.example.org", "quick ssh://bob@db.example.org:2222",
                "quick sftp://al%20ice@[::1]:2200/srv/some%20dir", "quick ssh://files.example.org"), opened);

        QuickConnect sftp = QuickConnect.parse(opened.get(2).substring("quick ".length())).orElseThrow();
        assertEquals(new QuickConnect(QuickConnect.Scheme.SFTP, "al ice", "::1", 2200, "/srv/some dir"), sftp);
        QuickConnect noPort = QuickConnect.parse(opened.get(3).substring("quick ".length())).orElseThrow();
        assertEquals(new QuickConnect(QuickConnect.Scheme.SSH, null, "files.example.org", 0, null), noPort);
    }

    @Test
    void theUnknownHostMessageNamesTheLabel() {
        var message = OpenRequests.unknownHost("x".repeat(100));
        assertTrue(message.title().length() < 80, message.title());
        assertTrue(message.text().contains("\"" + "x".repeat(100) + "\""), message.text());
    }
}
