package dev.skiff.ssh.sftp.server;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Maps client paths into a root directory, as if the server were {@code chroot(2)}-ed there.
 *
 * <p>Policy. A client path (absolute, or relative to the virtual home, {@code "/"} unless given) is walked one
 * component at a time from the root. {@code "."} is skipped; {@code ".."} removes the last
 * component and stays at the root when there is none (as {@code ".."} of {@code "/"} does).
 * Each component is examined with {@link LinkOption#NOFOLLOW_LINKS}; a symbolic link is replaced
 * by its target, interpreted <em>inside the root</em>: an absolute target starts again from the
 * root, a relative one from the link's directory, and its {@code ".."} components are clamped at
 * the root too. So a link to {@code /etc} means {@code <root>/etc}, and {@code ../../etc/passwd}
 * from anywhere means {@code <root>/etc/passwd}; nothing outside the root can be named. More than
 * {@value #MAX_SYMLINKS} links in one walk is a loop (answered NO_SUCH_FILE, as OpenSSH maps
 * ELOOP). A missing intermediate component is NO_SUCH_FILE; a missing last component is
 * allowed (for create). A dangling link followed as the last component resolves to where its
 * target would be inside the root, so OPEN with CREAT creates the file there, never outside.
 *
 * <p>The result is a host path with no symbolic link in it (at the time of the walk), plus the
 * canonical virtual path that REALPATH returns. Limitation: Java has no {@code openat(2)}, so a
 * local process that swaps a directory inside the root for a symlink between the walk and the
 * operation can race us; the last component is opened with {@code O_NOFOLLOW} where Java allows.
 * Do not share a root with untrusted local users who can write in it.
 */
public final class SftpRoot {
    /** Most symbolic links followed while resolving one path. */
    public static final int MAX_SYMLINKS = 32;

    /** A resolved path: the canonical virtual path ({@code "/"} = root) and the host path. */
    public record Resolved(String virtual, Path real) {
        public boolean isRoot() {
            return virtual.equals("/");
        }
    }

    private final Path root;
    private final String home;

    /** @param root an existing directory; resolved to its real path once, here */
    public SftpRoot(Path root) throws IOException {
        this(root, "/");
    }

    /**
     * @param root an existing directory; resolved to its real path once, here
     * @param home the virtual directory relative client paths start from (absolute)
     */
    public SftpRoot(Path root, String home) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new NotDirectoryException(root.toString());
        }
        if (!home.startsWith("/")) {
            throw new IllegalArgumentException("home must be absolute: " + home);
        }
        this.home = home;
    }

    public Path root() {
        return root;
    }

    /** The virtual directory relative paths start from. */
    public String home() {
        return home;
    }

    /**
     * Resolves a client path.
     *
     * @param followLast whether a symbolic link as the last component is followed (STAT, OPEN)
     *     or not (LSTAT, REMOVE, RENAME, READLINK, SYMLINK)
     */
    public Resolved resolve(String clientPath, boolean followLast) throws IOException {
        if (clientPath.indexOf('\0') >= 0) {
            throw new NoSuchFileException(clientPath);
        }
        Deque<String> pending = new ArrayDeque<>(split(clientPath.startsWith("/") ? clientPath : home + "/" + clientPath));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String c = pending.removeFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            boolean last = pending.stream().allMatch(s -> s.isEmpty() || s.equals("."));
            Path candidate = real(done).resolve(name(c));
            if (last && !followLast) {
                done.add(c);
                break;
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (last) {
                    done.add(c);
                    break;
                }
                throw new NoSuchFileException(virtual(done) + (done.isEmpty() ? "" : "/") + c);
            }
            if (a.isSymbolicLink()) {
                if (++links > MAX_SYMLINKS) {
                    throw new FileSystemLoopException(clientPath);
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = split(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
                continue;
            }
            if (!last && !a.isDirectory()) {
                throw new NotDirectoryException(clientPath);
            }
            done.add(c);
        }
        return new Resolved(virtual(done), real(done));
    }

    /**
     * Checks the target of a symbolic link about to be created in directory {@code linkDir}
     * (canonical): it must be relative and, read lexically from {@code linkDir}, stay inside the
     * root, so that the link also stays inside the root for programs on the host that follow it
     * without our chroot view. Absolute targets are refused.
     */
    public void checkLinkTarget(Resolved linkDir, String target) throws PathEscapeException {
        if (target.startsWith("/") || target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new PathEscapeException(target, "symbolic link target must be a relative path inside the root");
        }
        int depth = linkDir.isRoot() ? 0 : split(linkDir.virtual()).size() - 1;
        for (String c : split(target)) {
            if (c.equals("..")) {
                if (--depth < 0) {
                    throw new PathEscapeException(target, "symbolic link target leaves the root");
                }
            } else if (!c.isEmpty() && !c.equals(".")) {
                depth++;
            }
        }
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            out.add(s);
        }
        return out;
    }

    private static String name(String component) throws NoSuchFileException {
        try {
            Path p = Path.of(component);
            if (p.getNameCount() != 1 || p.isAbsolute()) {
                throw new NoSuchFileException(component);
            }
            return component;
        } catch (InvalidPathException e) {
            throw new NoSuchFileException(component);
        }
    }

    private Path real(List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static String virtual(List<String> components) {
        return "/" + String.join("/", components);
    }
}
