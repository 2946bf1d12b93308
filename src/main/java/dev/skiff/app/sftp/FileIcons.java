package dev.skiff.app.sftp;

import java.util.Map;
import java.util.Set;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons for file types. FX thread (creates nodes). */
final class FileIcons {
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "svg", "bmp", "webp", "ico");
    private static final Set<String> ARCHIVES = Set.of("zip", "gz", "tgz", "xz", "bz2", "zst", "tar", "7z", "rar", "jar", "deb", "rpm");
    private static final Set<String> CODE = Set.of("java", "c", "h", "cpp", "py", "js", "ts", "go", "rs", "sh", "rb", "kt",
            "xml", "json", "yml", "yaml", "toml", "html", "css", "sql");
    private static final Set<String> MEDIA = Set.of("mp3", "wav", "flac", "ogg", "mp4", "mkv", "avi", "mov", "webm");
    private static final Map<String, Feather> SINGLE = Map.of("pdf", Feather.BOOK, "txt", Feather.FILE_TEXT, "md",
            Feather.FILE_TEXT, "log", Feather.FILE_TEXT, "conf", Feather.SETTINGS, "cfg", Feather.SETTINGS, "ini",
            Feather.SETTINGS, "pem", Feather.KEY, "pub", Feather.KEY, "key", Feather.KEY);

    private FileIcons() {
    }

    static Feather kind(FileEntry e) {
        if (e.directory()) {
            return e.link() ? Feather.FOLDER_PLUS : Feather.FOLDER;
        }
        if (e.link()) {
            return Feather.LINK;
        }
        String x = e.extension();
        if (IMAGES.contains(x)) {
            return Feather.IMAGE;
        }
        if (ARCHIVES.contains(x)) {
            return Feather.ARCHIVE;
        }
        if (CODE.contains(x)) {
            return Feather.CODE;
        }
        if (MEDIA.contains(x)) {
            return Feather.FILM;
        }
        return SINGLE.getOrDefault(x, Feather.FILE);
    }

    static FontIcon icon(FileEntry e) {
        FontIcon i = new FontIcon(kind(e));
        i.getStyleClass().add(e.directory() ? "file-icon-dir" : "file-icon");
        return i;
    }

    static FontIcon of(Feather f) {
        return new FontIcon(f);
    }
}
