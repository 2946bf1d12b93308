package dev.skiff.app.sftp;

import java.util.List;

/**
 * The outcome of an operation on several items: how many succeeded and, per failed item, why.
 * Immutable.
 */
public record OperationReport(String operation, int succeeded, List<String> failures) {
    public OperationReport {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** One line for the pane's error bar, or "" when everything worked. */
    public String summary() {
        if (failures.isEmpty()) {
            return "";
        }
        String first = failures.get(0);
        return failures.size() == 1 ? operation + " failed: " + first
                : operation + ": " + failures.size() + " items failed (" + first + ", …)";
    }
}
