package dev.skiff.ssh.sftp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for numeric user and group ids, for users-groups-by-id@openssh.com. Java cannot look a
 * user up by uid, so this is an approximation: names seen while reading file attributes in this
 * session (the JDK asks the system's name service for those), then {@code /etc/passwd} and
 * {@code /etc/group} (local accounts only, read once, at most 4 MiB each). Unknown ids get "".
 */
final class IdNames {
    private static final long MAX_FILE = 4L * 1024 * 1024;
    private final Map<Long, String> users = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();
    private boolean filesRead;

    void remember(FileStat st) {
        if (st.attrs().has(SftpProtocol.ATTR_UIDGID)) {
            putName(users, st.attrs().uid(), st.owner());
            putName(groups, st.attrs().gid(), st.group());
        }
    }

    String user(long uid) {
        readFiles();
        return users.getOrDefault(uid, "");
    }

    String group(long gid) {
        readFiles();
        return groups.getOrDefault(gid, "");
    }

    private static void putName(Map<Long, String> map, long id, String name) {
        if (name != null && !name.isEmpty() && !name.equals(Long.toString(id))) {
            map.putIfAbsent(id, name);
        }
    }

    private void readFiles() {
        if (!filesRead) {
            filesRead = true;
            load(Path.of("/etc/passwd"), users);
            load(Path.of("/etc/group"), groups);
        }
    }

    private static void load(Path file, Map<Long, String> into) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE) {
                return;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && !f[0].isEmpty()) {
                    try {
                        putName(into, Long.parseLong(f[2]), f[0]);
                    } catch (NumberFormatException ignored) {
                        // not an account line
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // names are optional; the client shows numbers instead
        }
    }
}
