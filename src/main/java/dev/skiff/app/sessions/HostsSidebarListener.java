package dev.skiff.app.sessions;

/**
 * What the host sidebar asks its owner (the main window) to do. Called on the FX thread; must not
 * block (start connections on a worker).
 */
public interface HostsSidebarListener {
    /** Open a terminal session to the host (double-click, Enter, or "Connect"). */
    void onConnect(SavedHost host);

    /** Open the SFTP browser for the host ("Open files"). */
    void onOpenFiles(SavedHost host);

    /**
     * Edit a host, or create one when {@code host} is null. Return {@code true} if handled; the
     * default returns {@code false} and the sidebar opens its own {@link HostEditorDialog} and
     * saves the result to the store.
     */
    default boolean onEdit(SavedHost host) {
        return false;
    }
}
