package dev.skiff.app.sftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link FileBrowser} over a map of paths, for ViewModel tests; paths in {@link #deny} fail. */
final class InMemoryFileBrowser implements FileBrowser {
    final Map<String, byte[]> files = new TreeMap<>();
    final Map<String, Integer> modes = new TreeMap<>();
    final Set<String> dirs = new HashSet<>();
    final Set<String> deny = new HashSet<>();
    private final boolean remote;
    private final String home;

    InMemoryFileBrowser(boolean remote, String home) {
        this.remote = remote;
        this.home = home;
        dirs.add("/");
        mkdirs(home);
    }

    void mkdirs(String path) {
        for (String p = path; !p.equals("/"); p = Paths.parent(p)) {
            dirs.add(p);
        }
    }

    void file(String path, String content) {
        mkdirs(Paths.parent(path));
        files.put(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void check(String path) throws IOException {
        for (String p = path; ; p = Paths.parent(p)) {
            if (deny.contains(p)) {
                throw new AccessDeniedException(path);
            }
            if (p.equals("/")) {
                return;
            }
        }
    }

    @Override
    public String title() {
        return remote ? "mem-remote" : "mem-local";
    }

    @Override
    public boolean isRemote() {
        return remote;
    }

    @Override
    public String home() {
        return home;
    }

    @Override
    public synchronized List<FileEntry> list(String dir) throws IOException {
        check(dir);
        if (!dirs.contains(dir)) {
            throw new NoSuchFileException(dir);
        }
        List<FileEntry> out = new ArrayList<>();
        for (String d : dirs) {
            if (!d.equals("/") && Paths.parent(d).equals(dir)) {
                out.add(entry(d));
            }
        }
        for (String f : files.keySet()) {
            if (Paths.parent(f).equals(dir)) {
                out.add(entry(f));
            }
        }
        return out;
    }

    private FileEntry entry(String p) {
        boolean d = dirs.contains(p);
        return new FileEntry(Paths.fileName(p), p, d, false, d ? -1 : files.get(p).length, Instant.EPOCH,
                modes.getOrDefault(p, d ? 0755 : 0644), "me", "us");
    }

    @Override
    public synchronized FileEntry stat(String path) throws IOException {
        FileEntry e = statOrNull(path);
        if (e == null) {
            throw new NoSuchFileException(path);
        }
        return e;
    }

    @Override
    public synchronized FileEntry statOrNull(String path) throws IOException {
        check(path);
        return dirs.contains(path) || files.containsKey(path) ? entry(path) : null;
    }

    @Override
    public synchronized String canonical(String path) throws IOException {
        check(path);
        if (!dirs.contains(path) && !files.containsKey(path)) {
            throw new NoSuchFileException(path);
        }
        return path;
    }

    @Override
    public synchronized void mkdir(String path) throws IOException {
        check(path);
        if (statOrNull(path) != null) {
            throw new FileAlreadyExistsException(path);
        }
        dirs.add(path);
    }

    @Override
    public synchronized void createFile(String path) throws IOException {
        check(path);
        if (statOrNull(path) != null) {
            throw new FileAlreadyExistsException(path);
        }
        files.put(path, new byte[0]);
    }

    @Override
    public synchronized void rename(String from, String to) throws IOException {
        check(from);
        check(to);
        if (files.containsKey(from)) {
            files.put(to, files.remove(from));
        } else if (dirs.remove(from)) {
            dirs.add(to);
        } else {
            throw new NoSuchFileException(from);
        }
    }

    @Override
    public synchronized void delete(String path, boolean directory) throws IOException {
        check(path);
        if (directory) {
            if (!list(path).isEmpty()) {
                throw new DirectoryNotEmptyException(path);
            }
            dirs.remove(path);
        } else if (files.remove(path) == null) {
            throw new NoSuchFileException(path);
        }
    }

    @Override
    public synchronized void chmod(String path, int mode) throws IOException {
        check(path);
        modes.put(path, mode);
    }
}
