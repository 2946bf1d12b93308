package dev.skiff.app;

import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: a menu bar and the session tab pane. While no session is open, a
 * welcome placeholder covers the (empty) tab pane.
 *
 * <p>FX thread only.
 */
final class MainView {

    static final String PLACEHOLDER_TEXT = "No sessions yet";

    private final BorderPane root = new BorderPane();
    private final TabPane sessions = new TabPane();
    private final MenuItem quit = new MenuItem("Quit");

    MainView() {
        sessions.setId("sessions");
        sessions.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);

        Label title = new Label(PLACEHOLDER_TEXT);
        title.setId("welcome-title");
        title.getStyleClass().add("title-2");
        Label hint = new Label("Saved hosts and open connections will appear here.");
        hint.getStyleClass().add("text-muted");
        VBox placeholder = new VBox(8, title, hint);
        placeholder.setId("welcome");
        placeholder.getStyleClass().add("welcome");
        placeholder.visibleProperty().bind(Bindings.isEmpty(sessions.getTabs()));
        placeholder.managedProperty().bind(placeholder.visibleProperty());

        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = new Menu("File", null, quit);
        MenuBar menuBar = new MenuBar(file);

        root.setTop(menuBar);
        root.setCenter(new StackPane(sessions, placeholder));
    }

    Parent root() {
        return root;
    }

    TabPane sessions() {
        return sessions;
    }

    void setOnQuit(Runnable action) {
        quit.setOnAction(event -> action.run());
    }
}
