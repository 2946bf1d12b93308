package dev.skiff.ssh.sftp;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.sftp.packet.Extended;
import dev.skiff.ssh.sftp.packet.ExtensionPair;
import dev.skiff.ssh.sftp.packet.HandleRequest;
import dev.skiff.ssh.sftp.packet.Name;
import dev.skiff.ssh.sftp.packet.Open;
import dev.skiff.ssh.sftp.packet.PathAttrsRequest;
import dev.skiff.ssh.sftp.packet.PathRequest;
import dev.skiff.ssh.sftp.packet.SftpMessages;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.TwoPathRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * An SFTP version 3 client (draft-ietf-secsh-filexfer-02) with OpenSSH's extensions (OpenSSH
 * PROTOCOL section 4), over a session channel's {@code sftp} subsystem or any pair of streams.
 *
 * <p>Threads: every method may be called from any worker thread (never the FX thread); each
 * blocks for one round trip, up to {@link #timeout()}. Replies are read by the session's own
 * reader thread (see {@link SftpSession}); when it fails, every waiting call throws an
 * {@link SftpException} with the cause. Transfers: see {@link dev.skiff.ssh.sftp.transfer.SftpTransfers}.
 */
public final class SftpClient implements AutoCloseable {
    private final SftpSession session;
    private final Map<String, String> extensions;
    private final SshConnection connection;
    private volatile Duration timeout;
    private volatile SftpLimits limits;

    private SftpClient(SftpSession session, SshConnection connection, Duration timeout) {
        this.session = session;
        this.connection = connection;
        this.timeout = timeout;
        Map<String, String> ext = new LinkedHashMap<>();
        for (ExtensionPair p : session.version().extensions()) {
            ext.putIfAbsent(p.name(), p.dataText());
        }
        this.extensions = Collections.unmodifiableMap(ext);
    }

    /** Opens a session channel on {@code c}, starts the {@code sftp} subsystem and runs INIT/VERSION. */
    public static SftpClient open(SshConnection c, Duration timeout) throws SshException {
        SessionChannel ch = c.openSession();
        try {
            ch.subsystem("sftp");
            return new SftpClient(SftpSession.start(ch.stdout(), ch.stdin(), ch, timeout), c, timeout);
        } catch (SshException e) {
            ch.close();
            throw e;
        }
    }

    /** A client over plain streams (tests, other transports); {@code underlying} is closed with it. */
    public static SftpClient over(InputStream in, OutputStream out, AutoCloseable underlying, Duration timeout)
            throws SshException {
        return new SftpClient(SftpSession.start(in, out, underlying, timeout), null, timeout);
    }

    public SftpSession session() {
        return session;
    }

    /** The SSH connection this client runs on, or null for a stream-based client. */
    public SshConnection connection() {
        return connection;
    }

    public Duration timeout() {
        return timeout;
    }

    public void setTimeout(Duration t) {
        timeout = t;
    }

    public long version() {
        return session.version().version();
    }

    /** The server's extensions from VERSION: name → data (e.g. "posix-rename@openssh.com" → "1"). */
    public Map<String, String> extensions() {
        return extensions;
    }

    public boolean supports(String extension) {
        return extensions.containsKey(extension);
    }

    SftpPacket.WithId await(CompletableFuture<SftpPacket.WithId> f, String what) throws SshException {
        return SftpSession.await(f, timeout, "SFTP " + what + " reply");
    }

    SftpPacket.WithId call(IntFunction<SftpPacket.WithId> request, String what) throws SshException {
        return await(session.send(request), what);
    }

    /** Sends an extended request the server advertised; OP_UNSUPPORTED if it did not. */
    public SftpPacket.WithId extended(String name, byte[] data) throws SshException {
        if (!supports(name)) {
            throw new SftpException(SftpStatus.OP_UNSUPPORTED, "the SFTP server does not support " + name);
        }
        return call(id -> new Extended(id, name, data), name);
    }

    // ------------------------------------------------------------------ files

    /** OPEN with {@code SftpMessages.FXF_*} flags (section 6.3). */
    public SftpFile open(String path, int pflags, SftpAttributes attrs) throws SshException {
        return new SftpFile(this, SftpReplies.handle(call(id -> new Open(id, path, pflags, attrs), "open"), path), path);
    }

    public SftpFile openRead(String path) throws SshException {
        return open(path, SftpMessages.FXF_READ, SftpAttributes.EMPTY);
    }

    /** Opens for writing, creating the file; {@code truncate} empties an existing one. */
    public SftpFile openWrite(String path, boolean truncate) throws SshException {
        int flags = SftpMessages.FXF_WRITE | SftpMessages.FXF_CREAT | (truncate ? SftpMessages.FXF_TRUNC : 0);
        return open(path, flags, SftpAttributes.EMPTY);
    }

    public SftpAttributes stat(String path) throws SshException {
        return SftpReplies.attrs(call(id -> new PathRequest(SftpMessages.STAT, id, path), "stat"), path);
    }

    public SftpAttributes lstat(String path) throws SshException {
        return SftpReplies.attrs(call(id -> new PathRequest(SftpMessages.LSTAT, id, path), "lstat"), path);
    }

    /** STAT, or null when the path does not exist. */
    public SftpAttributes statOrNull(String path) throws SshException {
        try {
            return stat(path);
        } catch (SftpException e) {
            if (e.status() == SftpStatus.NO_SUCH_FILE) {
                return null;
            }
            throw e;
        }
    }

    public void setstat(String path, SftpAttributes attrs) throws SshException {
        SftpReplies.ok(call(id -> new PathAttrsRequest(SftpMessages.SETSTAT, id, path, attrs), "setstat"), path);
    }

    /** {@code lsetstat@openssh.com}: like setstat, on a symbolic link itself. */
    public void lsetstat(String path, SftpAttributes attrs) throws SshException {
        SftpReplies.ok(extended(SftpExtensions.LSETSTAT, SftpExtensions.pathAttrs(path, attrs)), path);
    }

    public void remove(String path) throws SshException {
        SftpReplies.ok(call(id -> new PathRequest(SftpMessages.REMOVE, id, path), "remove"), path);
    }

    public void mkdir(String path, SftpAttributes attrs) throws SshException {
        SftpReplies.ok(call(id -> new PathAttrsRequest(SftpMessages.MKDIR, id, path, attrs), "mkdir"), path);
    }

    public void mkdir(String path) throws SshException {
        mkdir(path, SftpAttributes.EMPTY);
    }

    /** RMDIR; a non-empty directory gives FAILURE in version 3 (there is no "not empty" code). */
    public void rmdir(String path) throws SshException {
        SftpReplies.ok(call(id -> new PathRequest(SftpMessages.RMDIR, id, path), "rmdir"), path);
    }

    public String realpath(String path) throws SshException {
        return SftpReplies.single(call(id -> new PathRequest(SftpMessages.REALPATH, id, path), "realpath"), path).filename();
    }

    public String readlink(String path) throws SshException {
        return SftpReplies.single(call(id -> new PathRequest(SftpMessages.READLINK, id, path), "readlink"), path).filename();
    }

    /** RENAME (section 6.5): fails if {@code to} exists on OpenSSH. See {@link #posixRename}. */
    public void rename(String from, String to) throws SshException {
        SftpReplies.ok(call(id -> new TwoPathRequest(SftpMessages.RENAME, id, from, to), "rename"), from);
    }

    /** {@code posix-rename@openssh.com}: rename(2), atomically replacing {@code to}. */
    public void posixRename(String from, String to) throws SshException {
        SftpReplies.ok(extended(SftpExtensions.POSIX_RENAME, SftpExtensions.paths(from, to)), from);
    }

    /**
     * Creates the symbolic link {@code linkPath} pointing to {@code targetPath}. Sent in OpenSSH's
     * order (target first, then link; OpenSSH PROTOCOL section 4.1), which is the reverse of the
     * draft's but is what OpenSSH and the servers compatible with it expect.
     */
    public void symlink(String linkPath, String targetPath) throws SshException {
        SftpReplies.ok(call(id -> new TwoPathRequest(SftpMessages.SYMLINK, id, targetPath, linkPath), "symlink"), linkPath);
    }

    /** {@code hardlink@openssh.com}: a new name {@code newPath} for {@code existing}. */
    public void hardlink(String existing, String newPath) throws SshException {
        SftpReplies.ok(extended(SftpExtensions.HARDLINK, SftpExtensions.paths(existing, newPath)), newPath);
    }

    public StatVfs statvfs(String path) throws SshException {
        return StatVfs.decode(SftpReplies.extended(extended(SftpExtensions.STATVFS, SftpExtensions.path(path)), path));
    }

    /** {@code limits@openssh.com} when advertised (asked once), else {@link SftpLimits#DEFAULT}. */
    public SftpLimits limits() throws SshException {
        SftpLimits l = limits;
        if (l == null) {
            l = supports(SftpExtensions.LIMITS)
                    ? SftpLimits.decode(SftpReplies.extended(extended(SftpExtensions.LIMITS, new byte[0]), null))
                    : SftpLimits.DEFAULT;
            limits = l;
        }
        return l;
    }

    /** {@code expand-path@openssh.com}: expands {@code ~} / {@code ~user} and canonicalises. */
    public String expandPath(String path) throws SshException {
        return SftpReplies.single(extended(SftpExtensions.EXPAND_PATH, SftpExtensions.path(path)), path).filename();
    }

    /**
     * {@code home-directory}: the home directory of {@code user}. The draft allows "" for the
     * logged-in user, but OpenSSH 9.2 answers FAILURE to it: pass the name.
     */
    public String homeDirectory(String user) throws SshException {
        return SftpReplies.single(extended(SftpExtensions.HOME_DIRECTORY, SftpExtensions.path(user)), user).filename();
    }

    /** {@code users-groups-by-id@openssh.com}: names for uids and gids ("" when unknown). */
    public UsersGroups usersGroupsById(long[] uids, long[] gids) throws SshException {
        return UsersGroups.decode(SftpReplies.extended(extended(SftpExtensions.USERS_GROUPS_BY_ID,
                UsersGroups.encodeRequest(uids, gids)), null));
    }

    // ------------------------------------------------------------------ directories

    public SftpFile opendir(String path) throws SshException {
        return new SftpFile(this, SftpReplies.handle(call(id -> new PathRequest(SftpMessages.OPENDIR, id, path), "opendir"), path), path);
    }

    /** One READDIR batch, or null at the end of the directory. */
    public List<SftpDirEntry> readdir(SftpFile dir) throws SshException {
        Name n = SftpReplies.nameOrEof(call(id -> new HandleRequest(SftpMessages.READDIR, id, dir.handle()), "readdir"), dir.path());
        if (n == null) {
            return null;
        }
        List<SftpDirEntry> l = new ArrayList<>(n.entries().size());
        n.entries().forEach(e -> l.add(new SftpDirEntry(e.filename(), e.longname(), e.attrs())));
        return l;
    }

    /**
     * Streams a directory listing to {@code sink} batch by batch (memory stays bounded for huge
     * directories); "." and ".." are skipped. The sink runs on the calling thread.
     */
    public void list(String path, Consumer<SftpDirEntry> sink) throws SshException {
        try (SftpFile dir = opendir(path)) {
            for (List<SftpDirEntry> batch = readdir(dir); batch != null; batch = readdir(dir)) {
                for (SftpDirEntry e : batch) {
                    if (!e.name().equals(".") && !e.name().equals("..")) {
                        sink.accept(e);
                    }
                }
            }
        }
    }

    /** The whole listing of {@code path}, without "." and "..". */
    public List<SftpDirEntry> list(String path) throws SshException {
        List<SftpDirEntry> l = new ArrayList<>();
        list(path, l::add);
        return l;
    }

    // ------------------------------------------------------------------ streams

    /** A read-ahead stream over a remote file from {@code offset}; closing it closes the handle. */
    public InputStream openInputStream(String path, long offset) throws SshException {
        SftpFile f = openRead(path);
        return new SftpInputStream(f, offset, -1, limits().readChunk(), FlowWindow.forTransfers(limits().readChunk()), true);
    }

    /** A write-behind stream; {@code append} continues at the current end, else truncates. */
    public OutputStream openOutputStream(String path, boolean append) throws SshException {
        SftpFile f = openWrite(path, !append);
        long start = append ? f.fstat().size() : 0;
        return new SftpOutputStream(f, start, limits().writeChunk(), FlowWindow.forTransfers(limits().writeChunk()), true);
    }

    /** Closes the channel and the reader thread; pending calls fail with NO_CONNECTION. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "SftpClient[v" + version() + ", " + extensions.keySet() + (session.isOpen() ? "" : ", closed") + "]";
    }
}
