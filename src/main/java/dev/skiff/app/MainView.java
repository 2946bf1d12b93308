package dev.skiff.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: menu bar, a tool bar with the quick-connect field, the saved-hosts
 * sidebar (set by the composition root) beside the session tabs, and a welcome pane with the
 * first-run choices while no tab is open. Shortcuts follow GNOME Terminal / Tilix so that the
 * terminal keeps Ctrl+letter for the shell: Ctrl+Shift+T new tab, Ctrl+Shift+W close tab,
 * Ctrl+PgDn / Ctrl+PgUp next / previous tab, Ctrl+Shift+O quick connect, Ctrl+Shift+H find a host.
 *
 * <p>FX thread only. Actions are forwarded to {@link Actions}.
 */
final class MainView {

    static final String WELCOME_TITLE = "Welcome to Skiff";

    /** What the view's controls ask the application to do. */
    interface Actions {
        void quickConnect(String text);

        void newTab();

        void newLocalShell();

        void openFiles();

        void findHost();

        void importSshConfig();

        void addHost();

        void startDemo();

        void themeChosen(AppTheme theme);

        void preferences();

        void quit();
    }

    private final BorderPane root = new BorderPane();
    private final TabPane sessions = new TabPane();
    private final StackPane sidebarHolder = new StackPane();
    private final SplitPane split;
    private final TextField quickConnect = new TextField();
    private final Label status = new Label();
    private final ToggleGroup themes = new ToggleGroup();
    /** The sidebar width to keep while the window settles (0 once the user pressed the mouse in it). */
    private double wantedSidebarWidth;

    MainView(Actions actions) {
        sessions.setId("sessions");
        sessions.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        sessions.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);

        sidebarHolder.setId("sidebar-holder");
        sidebarHolder.setMinWidth(180);
        split = new SplitPane(sidebarHolder, new StackPane(sessions, welcome(actions)));
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(sidebarHolder, false);
        // the window reaches its saved size after the first layout (asynchronously on a real
        // desktop): keep the saved sidebar width in pixels until then, not a fraction of the first width
        split.widthProperty().addListener((o, old, width) -> applySidebarWidth());
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> wantedSidebarWidth = 0);

        root.setTop(new VBox(menuBar(actions), toolBar(actions)));
        root.setCenter(split);
        status.setId("status");
        status.getStyleClass().addAll("status-bar", "text-muted");
        root.setBottom(status);
    }

    private Node welcome(Actions actions) {
        Label title = new Label(WELCOME_TITLE);
        title.setId("welcome-title");
        title.getStyleClass().add("title-1");
        Label hint = new Label("Connect to a saved host from the list, type user@host above, or start here:");
        hint.getStyleClass().add("text-muted");
        Button importConfig = firstRunButton("first-run-import", "Import from ~/.ssh/config", Feather.DOWNLOAD,
                actions::importSshConfig);
        Button add = firstRunButton("first-run-add", "Add a host", Feather.PLUS, actions::addHost);
        Button demo = firstRunButton("first-run-demo", "Try the local demo", Feather.PLAY, actions::startDemo);
        demo.getStyleClass().add("accent");
        Label demoHint = new Label("The demo runs a private SSH server on 127.0.0.1 with a one-time key:\n"
                + "your own shell and home directory, nothing exposed to the network.");
        demoHint.getStyleClass().addAll("text-muted", "text-small");
        VBox box = new VBox(14, title, hint, new HBox(10, importConfig, add, demo), demoHint);
        box.setAlignment(Pos.CENTER);
        ((HBox) box.getChildren().get(2)).setAlignment(Pos.CENTER);
        box.setId("welcome");
        box.getStyleClass().add("welcome");
        box.visibleProperty().bind(Bindings.isEmpty(sessions.getTabs()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Button firstRunButton(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node toolBar(Actions actions) {
        quickConnect.setId("quick-connect");
        quickConnect.setPromptText("Quick connect: user@host:port, ssh://… or sftp://…");
        quickConnect.setOnAction(e -> actions.quickConnect(quickConnect.getText()));
        HBox.setHgrow(quickConnect, Priority.ALWAYS);
        quickConnect.setMaxWidth(520);
        Button go = new Button(null, new FontIcon(Feather.ARROW_RIGHT));
        go.setId("quick-connect-go");
        go.getStyleClass().add("button-icon");
        go.setTooltip(new Tooltip("Connect (Enter)"));
        go.setOnAction(e -> actions.quickConnect(quickConnect.getText()));
        Button files = new Button(null, new FontIcon(Feather.FOLDER));
        files.setId("open-files");
        files.getStyleClass().add("button-icon");
        files.setTooltip(new Tooltip("Open files on this tab's host (Ctrl+Shift+S)"));
        files.setOnAction(e -> actions.openFiles());
        Button shell = new Button(null, new FontIcon(Feather.TERMINAL));
        shell.setId("new-local-shell");
        shell.getStyleClass().add("button-icon");
        shell.setTooltip(new Tooltip("New local shell"));
        shell.setOnAction(e -> actions.newLocalShell());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox bar = new HBox(6, new FontIcon(Feather.SEARCH), quickConnect, go, spacer, files, shell);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar-box");
        return bar;
    }

    private MenuBar menuBar(Actions actions) {
        MenuItem newTab = item("New tab", "Shortcut+Shift+T", actions::newTab);
        MenuItem localShell = item("New local shell", null, actions::newLocalShell);
        MenuItem openFiles = item("Open files (SFTP)", "Shortcut+Shift+S", actions::openFiles);
        MenuItem quick = item("Quick connect…", "Shortcut+Shift+O", () -> {
            quickConnect.requestFocus();
            quickConnect.selectAll();
        });
        MenuItem closeTab = item("Close tab", "Shortcut+Shift+W", () -> {
            Tab t = sessions.getSelectionModel().getSelectedItem();
            if (t != null && t.isClosable()) {
                requestCloseTab(t);
            }
        });
        MenuItem quit = item("Quit", "Shortcut+Shift+Q", actions::quit);
        Menu file = new Menu("File", null, newTab, localShell, openFiles, quick, closeTab, new SeparatorMenuItem(),
                item("Import hosts from ~/.ssh/config", null, actions::importSshConfig),
                item("Try the local demo", null, actions::startDemo), new SeparatorMenuItem(),
                preferences(actions), new SeparatorMenuItem(), quit);
        MenuItem next = item("Next tab", "Shortcut+Page_Down", () -> sessions.getSelectionModel().selectNext());
        MenuItem previous = item("Previous tab", "Shortcut+Page_Up", () -> sessions.getSelectionModel().selectPrevious());
        MenuItem toggleSidebar = item("Show or hide hosts", "Shortcut+Shift+B", this::toggleSidebar);
        MenuItem findHost = item("Find a host", "Shortcut+Shift+H", () -> {
            if (!sidebarVisible()) {
                toggleSidebar();
            }
            actions.findHost();
        });
        Menu theme = new Menu("Theme");
        for (AppTheme t : AppTheme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.label());
            r.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            r.setUserData(t);
            r.setToggleGroup(themes);
            r.setOnAction(e -> actions.themeChosen(t));
            theme.getItems().add(r);
        }
        Menu view = new Menu("View", null, next, previous, new SeparatorMenuItem(), toggleSidebar, findHost, theme);
        file.setId("menu-file");
        view.setId("menu-view");
        return new MenuBar(file, view);
    }

    private static MenuItem preferences(Actions actions) {
        MenuItem i = item("Preferences…", "Shortcut+Comma", actions::preferences);
        i.setId("menu-preferences");
        return i;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Closes {@code tab} as its close button does, asking it first (a busy tab may refuse). */
    void requestCloseTab(Tab tab) {
        javafx.event.Event request = new javafx.event.Event(tab, tab, Tab.TAB_CLOSE_REQUEST_EVENT);
        if (tab.getOnCloseRequest() != null) {
            tab.getOnCloseRequest().handle(request);
        }
        if (!request.isConsumed()) {
            closeTab(tab);
        }
    }

    /** Closes {@code tab} without asking (its onClosed handler runs). */
    void closeTab(Tab tab) {
        sessions.getTabs().remove(tab);
        if (tab.getOnClosed() != null) {
            tab.getOnClosed().handle(new javafx.event.Event(Tab.CLOSED_EVENT));
        }
    }

    void toggleSidebar() {
        if (split.getItems().contains(sidebarHolder)) {
            split.getItems().remove(sidebarHolder);
        } else {
            split.getItems().add(0, sidebarHolder);
            split.setDividerPositions(0.22);
        }
    }

    boolean sidebarVisible() {
        return split.getItems().contains(sidebarHolder);
    }

    double sidebarDivider() {
        return split.getDividers().isEmpty() ? 0 : split.getDividers().get(0).getPosition();
    }

    /** Gives the sidebar {@code width} pixels, also after the window's size changes until the user clicks in it. */
    void setSidebarWidth(double width) {
        wantedSidebarWidth = width;
        applySidebarWidth();
    }

    private void applySidebarWidth() {
        double total = split.getWidth() > 0 ? split.getWidth() : split.getPrefWidth();
        double position = wantedSidebarWidth / total;
        if (wantedSidebarWidth > 0 && total > 0 && !split.getDividers().isEmpty() && position > 0.05
                && position < 0.6) {
            split.setDividerPositions(position);
        }
    }

    void setSidebar(Node sidebar) {
        sidebarHolder.getChildren().setAll(sidebar);
    }

    void selectTheme(AppTheme theme) {
        themes.getToggles().stream().filter(t -> t.getUserData() == theme).findFirst()
                .ifPresent(themes::selectToggle);
    }

    /** Opens {@code tab} and selects it. */
    void addTab(Tab tab) {
        sessions.getTabs().add(tab);
        sessions.getSelectionModel().select(tab);
    }

    void setStatus(String text) {
        status.setText(text);
    }

    TextField quickConnectField() {
        return quickConnect;
    }

    Parent root() {
        return root;
    }

    TabPane sessions() {
        return sessions;
    }
}
