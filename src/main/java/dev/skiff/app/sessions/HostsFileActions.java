package dev.skiff.app.sessions;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sidebar's "more" menu ({@code #hosts-more}): import from ~/.ssh/config, import and export a
 * hosts file (no secrets). File I/O runs on a daemon worker; results and errors come back on the
 * FX thread. FX thread only.
 */
final class HostsFileActions {
    /** Folder that ~/.ssh/config imports go into. */
    static final String IMPORT_FOLDER = "Imported";

    private static final Executor WORKER = r -> {
        Thread t = new Thread(r, "skiff-hosts-file");
        t.setDaemon(true);
        t.start();
    };

    private final HostStore store;
    private final Supplier<Window> owner;

    HostsFileActions(HostStore store, Supplier<Window> owner) {
        this.store = store;
        this.owner = owner;
    }

    MenuButton menuButton() {
        MenuItem fromConfig = new MenuItem("Import from ~/.ssh/config", new FontIcon(Feather.DOWNLOAD));
        fromConfig.setOnAction(e -> run("Import from ~/.ssh/config", () -> {
            Set<String> labels = new HashSet<>();
            store.hosts().forEach(h -> labels.add(h.label().toLowerCase(Locale.ROOT)));
            List<SavedHost> hosts = new SshConfigImport(AppDirs.sshConfigFile()).importHosts(IMPORT_FOLDER).stream()
                    .filter(h -> !labels.contains(h.label().toLowerCase(Locale.ROOT))).toList();
            store.putAll(hosts);
            return hosts.size() + " host(s) imported into the folder \"" + IMPORT_FOLDER + "\".";
        }));
        MenuItem importFile = new MenuItem("Import hosts…", new FontIcon(Feather.UPLOAD));
        importFile.setOnAction(e -> {
            File f = chooser().showOpenDialog(owner.get());
            if (f != null) {
                run("Import hosts", () -> {
                    Set<String> ids = new HashSet<>();
                    store.hosts().forEach(h -> ids.add(h.id()));
                    List<SavedHost> hosts = HostsExport.read(f.toPath(), ids);
                    store.putAll(hosts);
                    return hosts.size() + " host(s) imported.";
                });
            }
        });
        MenuItem exportFile = new MenuItem("Export hosts…", new FontIcon(Feather.SHARE));
        exportFile.setOnAction(e -> {
            FileChooser c = chooser();
            c.setInitialFileName("skiff-hosts.json");
            File f = c.showSaveDialog(owner.get());
            if (f != null) {
                Path p = f.toPath();
                List<SavedHost> hosts = store.hosts();
                run("Export hosts", () -> {
                    HostsExport.write(hosts, p);
                    return hosts.size() + " host(s) exported to " + p.getFileName() + " (without passwords).";
                });
            }
        });
        MenuButton more = new MenuButton(null, new FontIcon(Feather.MORE_VERTICAL), fromConfig, importFile,
                exportFile);
        more.setId("hosts-more");
        more.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "no-arrow");
        return more;
    }

    private static FileChooser chooser() {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Skiff hosts (*.json)", "*.json"));
        return c;
    }

    /** A file action that returns a summary for the user. */
    interface Action {
        String run() throws Exception;
    }

    private void run(String title, Action action) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return action.run();
            } catch (Exception ex) {
                throw new java.util.concurrent.CompletionException(ex);
            }
        }, WORKER).whenComplete((msg, err) -> Platform.runLater(() -> {
            Throwable cause = err != null && err.getCause() != null ? err.getCause() : err;
            Alert a = new Alert(err == null ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR,
                    err == null ? msg : cause.getMessage());
            a.setHeaderText(title);
            a.initOwner(owner.get());
            a.show();
        }));
    }
}
