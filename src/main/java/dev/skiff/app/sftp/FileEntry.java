package dev.skiff.app.sftp;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a file pane: a file, directory or link as listed by a {@link FileBrowser}. Immutable.
 *
 * @param name the file name (no directory part)
 * @param path the full path in the browser's own syntax
 * @param directory whether opening it navigates into it (also true for a link to a directory)
 * @param link whether it is a symbolic link
 * @param size size in bytes (-1 when unknown)
 * @param modified last modification time, or null when unknown
 * @param permissions POSIX permission bits (07777), or -1 when unknown
 * @param owner owner name or numeric id ("" when unknown)
 * @param group group name or numeric id ("" when unknown)
 */
public record FileEntry(String name, String path, boolean directory, boolean link, long size, Instant modified,
        int permissions, String owner, String group) {
    public FileEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(path);
        owner = owner == null ? "" : owner;
        group = group == null ? "" : group;
    }

    /** Dot files, as {@code ls} hides them. */
    public boolean hidden() {
        return name.startsWith(".");
    }

    /** The extension in lower case without the dot, or "". */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || directory ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
