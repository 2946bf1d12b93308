package dev.skiff.app.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The local disk through java.nio. Blocking; call on workers (see {@link FileBrowser}). */
public final class LocalFileBrowser implements FileBrowser {
    private final Path home;

    public LocalFileBrowser(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    @Override
    public String title() {
        return "Local";
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public String home() {
        return home.toString();
    }

    @Override
    public List<FileEntry> list(String dir) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.add(entry(p));
            }
        }
        return out;
    }

    @Override
    public FileEntry stat(String path) throws IOException {
        Path p = Path.of(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(path);
        }
        return entry(p);
    }

    @Override
    public FileEntry statOrNull(String path) throws IOException {
        Path p = Path.of(path);
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? entry(p) : null;
    }

    private static FileEntry entry(Path p) throws IOException {
        boolean link = Files.isSymbolicLink(p);
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(p, PosixFileAttributes.class);
        } catch (IOException dangling) {
            a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        return new FileEntry(name, p.toString(), a.isDirectory(), link, a.isDirectory() ? -1 : a.size(),
                a.lastModifiedTime().toInstant(), mode(a.permissions()), a.owner().getName(), a.group().getName());
    }

    static int mode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= 0400 >> p.ordinal();
        }
        return m;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (0400 >> p.ordinal())) != 0) {
                s.add(p);
            }
        }
        return s;
    }

    @Override
    public String canonical(String path) throws IOException {
        return Path.of(path).toRealPath().toString();
    }

    @Override
    public void mkdir(String path) throws IOException {
        Files.createDirectory(Path.of(path));
    }

    @Override
    public void createFile(String path) throws IOException {
        Files.createFile(Path.of(path));
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(Path.of(from), Path.of(to));
    }

    @Override
    public void delete(String path, boolean directory) throws IOException {
        Files.delete(Path.of(path));
    }

    @Override
    public void chmod(String path, int mode) throws IOException {
        Files.setPosixFilePermissions(Path.of(path), permissions(mode));
    }
}
