package dev.skiff.app.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the single-instance socket lives: {@code $XDG_RUNTIME_DIR/skiff/skiff.sock} on Linux; else
 * {@code %LOCALAPPDATA%\Skiff\skiff.sock} on Windows (AF_UNIX sockets exist there since Windows 10
 * 1803 and JDK 16); else a private {@code skiff-<user>} directory under the temporary directory.
 *
 * <p>The system property {@value #RUNTIME_DIR_PROPERTY} replaces {@code $XDG_RUNTIME_DIR} (tests, or
 * several independent instances): the socket is then {@code <dir>/skiff/skiff.sock}.
 *
 * <p>On POSIX systems the directory is created {@code 0700} and refused unless it belongs to the
 * current user and nobody else can enter it, so no other local user can talk to, or impersonate,
 * the running instance. Nothing listens on the network.
 */
public final class SocketLocation {

    /** System property naming the runtime directory to use instead of {@code $XDG_RUNTIME_DIR}. */
    public static final String RUNTIME_DIR_PROPERTY = "skiff.runtime.dir";
    static final String SOCKET_NAME = "skiff.sock";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private SocketLocation() {
    }

    /** The socket path for the current user (the directory is not created here). */
    public static Path defaultSocket() {
        String override = System.getProperty(RUNTIME_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override, "skiff", SOCKET_NAME);
        }
        return defaultSocket(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("java.io.tmpdir"), System.getProperty("user.name", "user"));
    }

    static Path defaultSocket(Map<String, String> env, String osName, String tmpDir, String userName) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "skiff", SOCKET_NAME);
        }
        String localAppData = env.get("LOCALAPPDATA");
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") && localAppData != null) {
            return Path.of(localAppData, "Skiff", SOCKET_NAME);
        }
        String safeUser = userName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(tmpDir, "skiff-" + safeUser, SOCKET_NAME);
    }

    /**
     * Creates the socket's directory if needed and checks that it is private.
     *
     * @throws IOException when it cannot be created or is not private to the current user
     */
    static void preparePrivateDirectory(Path socket) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (posix) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
            } else {
                Files.createDirectories(dir);
            }
        }
        checkPrivate(dir);
    }

    /** Whether a directory that already exists is private enough to hold the socket. */
    static void checkPrivate(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: %LOCALAPPDATA% is per-user by its ACL
        }
        PosixFileAttributes attributes = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
        String me = System.getProperty("user.name");
        if (!attributes.isDirectory() || !attributes.owner().getName().equals(me)) {
            throw new IOException("not a directory owned by " + me + ": " + dir);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        for (PosixFilePermission p : permissions) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                throw new IOException("directory is accessible to other users: " + dir);
            }
        }
    }
}
