package dev.skiff.app.sftp;

import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;

/** Asks overwrite / skip / resume / rename (with "apply to all") for an existing destination. FX thread. */
final class ConflictDialog implements ConflictResolver {
    private final Node owner;

    ConflictDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Answer> ask(TransferRequest r, FileEntry existing) {
        Dialog<ConflictChoice> d = new Dialog<>();
        d.setTitle("File exists");
        d.setHeaderText(r.name() + " already exists");
        Dialogs.own(d, owner);
        d.getDialogPane().setId("conflict-dialog");
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.OK_DONE);
        ButtonType resume = new ButtonType("Resume", ButtonBar.ButtonData.OTHER);
        ButtonType rename = new ButtonType("Rename", ButtonBar.ButtonData.OTHER);
        ButtonType skip = new ButtonType("Skip", ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(overwrite, resume, rename, skip);
        CheckBox all = new CheckBox("Apply to all");
        all.setId("conflict-all");
        String sizes = "Existing: " + Formats.size(existing.size()) + ", " + Formats.date(existing.modified())
                + "\nNew: " + Formats.size(r.size());
        d.getDialogPane().setContent(new VBox(10, new Label(r.target() + "\n" + sizes), all));
        d.setResultConverter(b -> b == overwrite ? ConflictChoice.OVERWRITE : b == resume ? ConflictChoice.RESUME
                : b == rename ? ConflictChoice.RENAME : ConflictChoice.SKIP);
        CompletableFuture<Answer> f = new CompletableFuture<>();
        d.setOnHidden(e -> f.complete(new Answer(d.getResult() == null ? ConflictChoice.SKIP : d.getResult(),
                all.isSelected())));
        d.show();
        return f;
    }
}
