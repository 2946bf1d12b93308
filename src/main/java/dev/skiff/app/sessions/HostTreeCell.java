package dev.skiff.app.sessions;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A row of the host tree: icon, label and (for hosts) {@code user@host} in muted text. FX thread. */
final class HostTreeCell extends TreeCell<SidebarEntry> {
    private final java.util.function.Function<SidebarEntry, ContextMenu> menus;

    HostTreeCell(java.util.function.Function<SidebarEntry, ContextMenu> menus) {
        this.menus = menus;
        // size to the tree's width, not the content's: long host names are elided, no horizontal scroll bar
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(SidebarEntry item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setContextMenu(null);
            return;
        }
        setText(null);
        FontIcon icon;
        if (!item.isHost()) {
            icon = new FontIcon(item.readOnly() ? Feather.FILE_TEXT : Feather.FOLDER);
            Label name = new Label(item.name());
            name.getStyleClass().add("host-folder");
            setGraphic(new HBox(6, icon, name));
            setContextMenu(null);
            return;
        }
        SavedHost h = item.host();
        icon = new FontIcon(item.readOnly() ? Feather.FILE : Feather.SERVER);
        Label name = new Label(h.label());
        name.getStyleClass().add("host-label");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label detail = new Label((h.user().isEmpty() ? "" : h.user() + "@") + h.host()
                + (h.port() == SavedHost.DEFAULT_PORT ? "" : ":" + h.port()));
        detail.getStyleClass().addAll("text-muted", "text-small");
        detail.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(6, icon, name, gap, detail);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setGraphic(row);
        setContextMenu(menus.apply(item));
    }
}
