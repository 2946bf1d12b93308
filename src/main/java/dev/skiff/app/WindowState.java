package dev.skiff.app;

import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.sessions.SettingsStore;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the main window's size, position and maximised state and the hosts sidebar's width and
 * visibility between runs (in {@link AppSettings}); a saved position that is no longer on any
 * screen is ignored. FX thread.
 */
final class WindowState {
    private WindowState() {
    }

    static void restore(Stage stage, MainView view, AppSettings s) {
        AppSettings.WindowBounds w = s.window();
        if (w != null && w.width() >= stage.getMinWidth() && w.height() >= stage.getMinHeight()) {
            boolean onScreen = !Screen.getScreensForRectangle(new Rectangle2D(w.x(), w.y(), w.width(), w.height()))
                    .isEmpty();
            stage.setWidth(w.width());
            stage.setHeight(w.height());
            if (onScreen) {
                stage.setX(w.x());
                stage.setY(w.y());
            }
            stage.setMaximized(w.maximized());
        } else {
            stage.setWidth(SkiffApp.DEFAULT_WIDTH);
            stage.setHeight(SkiffApp.DEFAULT_HEIGHT);
        }
        view.setSidebarWidth(s.sidebarWidth());
        if (s.sidebarHidden()) {
            view.toggleSidebar();
        }
    }

    static void save(Stage stage, MainView view, SettingsStore settings) {
        AppSettings.WindowBounds bounds = new AppSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized());
        double sidebar = view.sidebarVisible() ? view.sidebarDivider() * stage.getWidth() : settings.get().sidebarWidth();
        settings.update(s -> s.withWindow(bounds).withSidebar(sidebar, !view.sidebarVisible()));
    }
}
