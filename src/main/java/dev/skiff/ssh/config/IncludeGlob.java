package dev.skiff.ssh.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an {@code Include} pattern like POSIX {@code glob(3)}: {@code *}, {@code ?} and
 * {@code [...]} in any path component, names starting with {@code .} only matched by a pattern
 * starting with {@code .}, results sorted. A pattern without wildcards yields the path if it exists.
 */
final class IncludeGlob {
    private IncludeGlob() {
    }

    /** @param pattern an absolute path pattern */
    static List<Path> expand(String pattern) throws IOException {
        Path p = Path.of(pattern);
        if (!hasWildcard(pattern)) {
            return Files.exists(p) ? List.of(p) : List.of();
        }
        List<Path> current = List.of(p.getRoot() == null ? Path.of("") : p.getRoot());
        for (Path component : p) {
            String name = component.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasWildcard(name)) {
                    Path c = dir.resolve(name);
                    if (Files.exists(c)) {
                        next.add(c);
                    }
                    continue;
                }
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    for (Path child : ds) {
                        Path fn = child.getFileName();
                        boolean hidden = fn.toString().startsWith(".") && !name.startsWith(".");
                        if (!hidden && m.matches(fn)) {
                            next.add(child);
                        }
                    }
                }
            }
            next.sort(null);
            current = next;
        }
        return current;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }
}
