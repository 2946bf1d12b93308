package dev.skiff.ssh.sftp.transfer;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.sftp.FlowWindow;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpDirEntry;
import dev.skiff.ssh.sftp.SftpFile;
import dev.skiff.ssh.sftp.SftpInputStream;
import dev.skiff.ssh.sftp.SftpStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Remote → local: one file (pipelined reads, resume) or a tree. Runs on the caller's thread. */
final class Downloader {
    private static final int MAX_DEPTH = 64;
    private final SftpClient client;
    private final TransferOptions options;
    private final ProgressMeter meter;

    Downloader(SftpClient client, TransferOptions options) {
        this.client = client;
        this.options = options;
        this.meter = new ProgressMeter(options.progress());
    }

    TransferResult run(String remote, Path local) throws IOException {
        SftpAttributes a = client.stat(remote);
        if (a.isDirectory()) {
            if (!options.recursive()) {
                throw new SftpException(SftpStatus.FAILURE, "is a directory (use a recursive transfer): " + remote);
            }
            tree(remote, a, local, 0);
        } else {
            file(remote, a, local);
        }
        return meter.result();
    }

    private void tree(String remote, SftpAttributes attrs, Path local, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new SftpException(SftpStatus.FAILURE, "directory tree deeper than " + MAX_DEPTH + " (a link loop?): " + remote);
        }
        Files.createDirectories(local);
        List<SftpDirEntry> entries = new ArrayList<>();
        client.list(remote, entries::add);
        for (SftpDirEntry e : entries) {
            checkCancel(remote);
            if (e.name().contains("/") || e.name().equals("..") || e.name().equals(".") || e.name().isEmpty()) {
                throw new SftpException(SftpStatus.BAD_MESSAGE, "refusing unsafe file name from the server: " + e.name());
            }
            String child = remote.endsWith("/") ? remote + e.name() : remote + "/" + e.name();
            Path target = local.resolve(e.name());
            SftpAttributes a = e.attrs();
            if (a.isSymbolicLink()) {
                if (options.symlinks() == SymlinkPolicy.SKIP) {
                    continue;
                }
                if (options.symlinks() == SymlinkPolicy.COPY_LINK) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Paths.get(client.readlink(child)));
                    meter.link();
                    continue;
                }
                a = client.statOrNull(child);
                if (a == null) {
                    continue; // dangling link
                }
            }
            if (a.isDirectory()) {
                tree(child, a, target, depth + 1);
            } else if (a.isRegularFile() || !a.has(SftpAttributes.PERMISSIONS)) {
                file(child, a, target);
            }
        }
        if (options.preserve()) {
            LocalAttributes.apply(local, attrs);
        }
    }

    private void file(String remote, SftpAttributes attrs, Path local) throws IOException {
        long size = attrs.has(SftpAttributes.SIZE) ? attrs.size() : -1;
        long start = 0;
        if (options.resume() && Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
            start = Files.size(local);
            if (size >= 0 && start > size) {
                throw new SftpException(SftpStatus.FAILURE, "cannot resume: the local file (" + start
                        + " bytes) is larger than the remote one (" + size + " bytes): " + remote);
            }
        }
        meter.startFile(remote, size, start);
        int chunk = options.chunk(client.limits().readChunk());
        int maxRequests = options.maxRequests() == 0 ? FlowWindow.MAX_REQUESTS : options.maxRequests();
        FlowWindow window = size >= 0 ? FlowWindow.forLength(chunk, size - start, maxRequests)
                : FlowWindow.forTransfers(chunk, maxRequests);
        try (SftpFile f = client.openRead(remote);
                FileChannel out = FileChannel.open(local, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            if (start == 0) {
                out.truncate(0);
            }
            out.position(start);
            SftpInputStream in = new SftpInputStream(f, start, -1, chunk, window, false);
            try {
                for (ByteBuffer b = in.nextBuffer(); b != null; b = in.nextBuffer()) {
                    int n = b.remaining();
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    meter.add(n);
                    options.rateLimit().pace(n, options.cancellation());
                    checkCancel(remote);
                }
            } finally {
                in.close();
            }
        }
        if (options.preserve()) {
            LocalAttributes.apply(local, attrs);
        }
        if (options.verify() && RemoteChecksum.verify(client.connection(), remote, local, client.timeout())) {
            meter.verified();
        }
        meter.endFile();
    }

    private void checkCancel(String path) throws TransferCancelledException {
        if (options.cancellation().isCancelled()) {
            throw new TransferCancelledException(path);
        }
    }
}
