package dev.skiff.app.sftp;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpDirEntry;
import dev.skiff.ssh.sftp.SftpExtensions;
import dev.skiff.ssh.sftp.SftpStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SFTP side: one {@link SftpClient} channel on an existing {@link SshConnection}, opened on
 * first use (no new login). Blocking; call on workers (see {@link FileBrowser}).
 */
public final class RemoteFileBrowser implements FileBrowser {
    private final SshConnection connection;
    private SftpClient client;
    private boolean closed;

    public RemoteFileBrowser(SshConnection connection) {
        this.connection = connection;
    }

    /** The browsing channel, opened on first call. */
    synchronized SftpClient client() throws IOException {
        if (closed) {
            throw new SftpException(SftpStatus.CONNECTION_LOST, "the browser was closed");
        }
        if (client == null) {
            client = connection.sftp();
        }
        return client;
    }

    public SshConnection connection() {
        return connection;
    }

    @Override
    public String title() {
        return connection.spec().user() + "@" + connection.spec().host();
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public String home() throws IOException {
        SftpClient c = client();
        if (c.supports(SftpExtensions.HOME_DIRECTORY)) {
            try {
                return c.homeDirectory("");
            } catch (SftpException e) {
                // fall back to the login directory
            }
        }
        return c.realpath(".");
    }

    @Override
    public List<FileEntry> list(String dir) throws IOException {
        SftpClient c = client();
        List<FileEntry> out = new ArrayList<>();
        for (SftpDirEntry e : c.list(dir)) {
            if (e.name().equals(".") || e.name().equals("..") || e.name().isEmpty() || e.name().contains("/")) {
                continue;
            }
            String path = resolve(dir, e.name());
            SftpAttributes a = e.attrs();
            boolean link = a.isSymbolicLink();
            if (link) {
                SftpAttributes target = c.statOrNull(path);
                if (target != null) {
                    a = target;
                }
            }
            String[] owner = owner(e.longName(), a);
            out.add(entry(e.name(), path, a, link, owner[0], owner[1]));
        }
        return out;
    }

    /** Owner and group names from the ls-style long name ("-rw-r--r-- 1 alice users ..."), else ids. */
    static String[] owner(String longName, SftpAttributes a) {
        String[] f = longName == null ? new String[0] : longName.trim().split("\\s+");
        if (f.length >= 8 && f[0].length() >= 10) {
            return new String[] {f[2], f[3]};
        }
        if (a.has(SftpAttributes.UIDGID)) {
            return new String[] {Long.toString(a.uid()), Long.toString(a.gid())};
        }
        return new String[] {"", ""};
    }

    private static FileEntry entry(String name, String path, SftpAttributes a, boolean link, String owner,
            String group) {
        long size = a.has(SftpAttributes.SIZE) && !a.isDirectory() ? a.size() : -1;
        Instant mtime = a.has(SftpAttributes.ACMODTIME) ? Instant.ofEpochSecond(a.mtime()) : null;
        int perms = a.has(SftpAttributes.PERMISSIONS) ? a.permissions() & 07777 : -1;
        return new FileEntry(name, path, a.isDirectory(), link, size, mtime, perms, owner, group);
    }

    @Override
    public FileEntry stat(String path) throws IOException {
        SftpAttributes a = client().stat(path);
        String[] owner = owner(null, a);
        return entry(Paths.fileName(path), path, a, false, owner[0], owner[1]);
    }

    @Override
    public FileEntry statOrNull(String path) throws IOException {
        SftpAttributes a = client().statOrNull(path);
        if (a == null) {
            return null;
        }
        String[] owner = owner(null, a);
        return entry(Paths.fileName(path), path, a, false, owner[0], owner[1]);
    }

    @Override
    public String canonical(String path) throws IOException {
        return client().realpath(path);
    }

    @Override
    public void mkdir(String path) throws IOException {
        client().mkdir(path);
    }

    @Override
    public void createFile(String path) throws IOException {
        SftpClient c = client();
        if (c.statOrNull(path) != null) {
            throw new SftpException(SftpStatus.FAILURE, "Already exists: " + path);
        }
        c.openWrite(path, false).close();
    }

    @Override
    public void rename(String from, String to) throws IOException {
        client().rename(from, to);
    }

    @Override
    public void delete(String path, boolean directory) throws IOException {
        if (directory) {
            client().rmdir(path);
        } else {
            client().remove(path);
        }
    }

    @Override
    public void chmod(String path, int mode) throws IOException {
        client().setstat(path, SftpAttributes.ofPermissions(mode & 07777));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
