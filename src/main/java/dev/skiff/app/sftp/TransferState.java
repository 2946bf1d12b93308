package dev.skiff.app.sftp;

/** Where a queued transfer stands. */
public enum TransferState {
    QUEUED("Queued"), RUNNING("Transferring"), PAUSED("Paused"), DONE("Done"), FAILED("Failed"),
    CANCELLED("Cancelled"), SKIPPED("Skipped");

    private final String label;

    TransferState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Finished for good (until retried). */
    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED || this == SKIPPED;
    }
}
