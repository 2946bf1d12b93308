package dev.skiff.app.sftp;

/** "/"-separated path arithmetic shared by both browsers. Pure functions, any thread. */
final class Paths {
    private Paths() {
    }

    static String parent(String path) {
        String p = stripTrailing(path);
        int slash = p.lastIndexOf('/');
        if (slash <= 0) {
            return "/";
        }
        return p.substring(0, slash);
    }

    static String resolve(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    static String fileName(String path) {
        String p = stripTrailing(path);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String stripTrailing(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** "a.txt" → "a (1).txt", "a (2).txt", ... for the first {@code n}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name + " (" + n + ")";
        }
        return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }
}
