package dev.skiff.app.sftp;

/** What to do when a transfer's destination already exists. */
public enum ConflictChoice {
    ASK("Ask"), OVERWRITE("Overwrite"), SKIP("Skip"), RESUME("Resume"), RENAME("Rename");

    private final String label;

    ConflictChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
