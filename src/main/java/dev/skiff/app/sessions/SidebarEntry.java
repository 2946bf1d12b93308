package dev.skiff.app.sessions;

/**
 * One row of the host tree: a folder (or the "From ~/.ssh/config" group) or a host.
 *
 * @param name folder name or host label
 * @param host the host; null for folders
 * @param readOnly for the ~/.ssh/config group and its hosts
 */
public record SidebarEntry(String name, SavedHost host, boolean readOnly) {

    static SidebarEntry folder(String name, boolean readOnly) {
        return new SidebarEntry(name, null, readOnly);
    }

    static SidebarEntry of(SavedHost host, boolean readOnly) {
        return new SidebarEntry(host.label(), host, readOnly);
    }

    boolean isHost() {
        return host != null;
    }

    @Override
    public String toString() {
        return name;
    }
}
