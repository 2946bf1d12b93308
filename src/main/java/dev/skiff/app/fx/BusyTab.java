package dev.skiff.app.fx;

import java.util.Optional;

/**
 * A tab whose closing would stop something the user started: the window asks before quitting,
 * and a tab with unfinished work asks before it closes. FX thread.
 */
public interface BusyTab {
    /** What closing now would stop, as a sentence part ("3 transfers are not finished"), if anything. */
    Optional<String> busyWith();

    /** Terminal sessions open in this tab (0 or 1), counted when quitting. */
    default int openSessions() {
        return 0;
    }

    /** Unfinished transfers in this tab, counted when quitting. */
    default int unfinishedTransfers() {
        return 0;
    }
}
