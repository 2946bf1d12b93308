package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.skiff.app.testing.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The host sidebar and editor, headless (Monocle), against a real store in a temporary config dir. */
class HostsSidebarFxTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Stage stage;
    private HostStore store;
    private HostsSidebar sidebar;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(AppDirs.PROPERTY, dir.toString());
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        store = HostStore.open(AppDirs.current());
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        store.close();
        System.clearProperty(AppDirs.PROPERTY);
    }

    private void show(HostStore s) throws Exception {
        FxToolkit.setupStage(st -> {
            sidebar = new HostsSidebar(new HostsSidebarViewModel(s, Platform::runLater), new HostsSidebarListener() {
                @Override
                public void onConnect(SavedHost host) {
                    events.add("connect " + host.label());
                }

                @Override
                public void onOpenFiles(SavedHost host) {
                    events.add("files " + host.label());
                }
            });
            st.setScene(new Scene(sidebar.node(), 320, 480));
            st.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> visibleLabels() {
        return robot.lookup("#hosts-tree").queryAs(TreeView.class).getRoot() == null ? List.of()
                : labels(robot.lookup("#hosts-tree").<TreeView<SidebarEntry>>query().getRoot());
    }

    private static List<String> labels(TreeItem<SidebarEntry> item) {
        List<String> out = new java.util.ArrayList<>();
        for (TreeItem<SidebarEntry> c : item.getChildren()) {
            out.add(c.getValue().name());
            out.addAll(labels(c));
        }
        return out;
    }

    private Node cell(String name) throws Exception {
        waitFor("cell " + name, () -> robot.lookup(".tree-cell").match(n -> isCell(n, name)).tryQuery().isPresent());
        return robot.lookup(".tree-cell").match(n -> isCell(n, name)).query();
    }

    private static boolean isCell(Node n, String name) {
        return n instanceof TreeCell<?> c && c.getItem() instanceof SidebarEntry e && e.name().equals(name);
    }

    /**
     * Monocle's robot does not turn a secondary click into a context-menu request, so the cell's
     * own context menu is shown the way the request would show it; the items are then clicked.
     */
    private void openMenu(String name) throws Exception {
        Node c = cell(name);
        robot.clickOn(c);
        robot.interact(() -> ((TreeCell<?>) c).getContextMenu().show(c, javafx.geometry.Side.BOTTOM, 20, 0));
    }

    private static void waitFor(String what, BooleanSupplier cond) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return cond.getAsBoolean();
        });
        assertTrue(cond.getAsBoolean(), what);
    }

    @Test
    void addHostThroughTheEditorSurvivesARestart() throws Exception {
        show(store);
        robot.clickOn("#hosts-add");
        // nothing is called missing before the user tries to save; then the dialog stays and says what
        assertFalse(robot.lookup("#host-error").query().isVisible());
        robot.clickOn("#host-save");
        waitFor("the error shown", () -> robot.lookup("#host-error").query().isVisible());
        assertEquals("Label is required", robot.lookup("#host-error").queryLabeled().getText());
        assertTrue(store.hosts().isEmpty());
        robot.clickOn("#host-label").write("Build box");
        robot.clickOn("#host-host").write("build.example.com");
        robot.doubleClickOn("#host-port").write("2200");
        robot.clickOn("#host-user").write("ci");
        robot.lookup("#host-folder").queryComboBox().getEditor().setText("work");
        robot.clickOn("#host-save");
        waitFor("host in the sidebar", () -> visibleLabels().equals(List.of("work", "Build box")));
        SavedHost h = store.hosts().get(0);
        assertEquals("build.example.com", h.host());
        assertEquals(2200, h.port());
        assertEquals("ci", h.user());

        FxToolkit.cleanupStages();
        store.close();
        store = HostStore.open(AppDirs.current());
        assertEquals(List.of(h), store.hosts());
        show(store);
        assertEquals(List.of("work", "Build box"), visibleLabels());
    }

    @Test
    void searchFiltersConnectAndContextMenuDelete() throws Exception {
        store.put(SavedHost.of("Web", "web.example.com", 22, "alice").withFolder("prod"));
        store.put(SavedHost.of("DB", "db.internal", 5432, "postgres").withFolder("prod"));
        store.put(SavedHost.of("Pi", "raspberrypi.local", 22, "pi"));
        show(store);
        assertEquals(List.of("prod", "DB", "Web", "Pi"), visibleLabels());

        robot.clickOn("#hosts-search").write("post");
        waitFor("filtered", () -> visibleLabels().equals(List.of("prod", "DB")));
        robot.type(KeyCode.ENTER);
        waitFor("connect via Enter", () -> events.contains("connect DB"));
        robot.lookup("#hosts-search").queryTextInputControl().clear();
        waitFor("unfiltered", () -> visibleLabels().size() == 4);

        robot.doubleClickOn(cell("Pi"));
        waitFor("connect via double-click", () -> events.contains("connect Pi"));

        openMenu("Web");
        robot.clickOn("Open files");
        waitFor("open files", () -> events.contains("files Web"));

        openMenu("Web");
        robot.clickOn("Delete");
        robot.clickOn("#confirm-delete");
        waitFor("deleted", () -> visibleLabels().equals(List.of("prod", "DB", "Pi")));
        assertEquals(List.of("DB", "Pi"), store.hosts().stream().map(SavedHost::label).toList());
    }

    @Test
    void screenshotsOfSidebarAndEditor() throws Exception {
        store.put(new SavedHost(null, "Web frontend", "web.example.com", 22, "alice", AuthPreference.KEY_FILE,
                "~/.ssh/id_web", "bastion", "prod", java.util.Map.of("LANG", "C.UTF-8"),
                List.of(PortForward.parse("L 8080:localhost:80")), 30, "", "Main site"));
        store.put(SavedHost.of("Database", "db.internal", 5432, "postgres").withFolder("prod"));
        store.put(SavedHost.of("bastion", "bastion.example.com", 22, "ops").withFolder("prod/edge"));
        store.put(SavedHost.of("Staging", "staging.example.com", 2222, "deploy").withFolder("staging"));
        store.put(SavedHost.of("Raspberry Pi", "raspberrypi.local", 22, "pi"));
        show(store);
        WaitForAsyncUtils.asyncFx(() -> sidebar.viewModel().setConfigHosts(List.of(new SavedHost("ssh-config:gw",
                "gw", "gw.example.net", 22, "me", null, "", "", "", null, null, 0, "", "")))).get();
        robot.clickOn(cell("Database"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), "hosts-sidebar");

        openMenu("Web frontend");
        robot.clickOn("Edit");
        waitFor("editor open", () -> robot.lookup("#host-label").tryQuery().isPresent());
        Node editor = robot.lookup("#host-label").query().getScene().getRoot();
        Screenshots.save(editor, "host-editor");
        robot.clickOn("#host-cancel");
    }
}
