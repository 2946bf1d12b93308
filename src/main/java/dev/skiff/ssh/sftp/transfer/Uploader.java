package dev.skiff.ssh.sftp.transfer;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.sftp.FlowWindow;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpExtensions;
import dev.skiff.ssh.sftp.SftpFile;
import dev.skiff.ssh.sftp.SftpOutputStream;
import dev.skiff.ssh.sftp.SftpStatus;
import dev.skiff.ssh.sftp.packet.SftpMessages;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Local → remote: one file (pipelined writes, resume, atomic rename) or a tree. Runs on the caller's thread. */
final class Uploader {
    private static final int MAX_DEPTH = 64;
    private final SftpClient client;
    private final TransferOptions options;
    private final ProgressMeter meter;

    Uploader(SftpClient client, TransferOptions options) {
        this.client = client;
        this.options = options;
        this.meter = new ProgressMeter(options.progress());
    }

    TransferResult run(Path local, String remote) throws IOException {
        if (Files.isDirectory(local)) {
            if (!options.recursive()) {
                throw new SftpException(SftpStatus.FAILURE, "is a directory (use a recursive transfer): " + local);
            }
            tree(local, remote, 0);
        } else {
            file(local, remote);
        }
        return meter.result();
    }

    private void tree(Path local, String remote, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new SftpException(SftpStatus.FAILURE, "directory tree deeper than " + MAX_DEPTH + " (a link loop?): " + local);
        }
        SftpAttributes existing = client.statOrNull(remote);
        if (existing == null) {
            client.mkdir(remote);
        } else if (!existing.isDirectory()) {
            throw new SftpException(SftpStatus.FAILURE, "not a directory: " + remote);
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(local)) {
            children = s.sorted().collect(Collectors.toList());
        }
        for (Path p : children) {
            checkCancel(remote);
            String child = (remote.endsWith("/") ? remote : remote + "/") + p.getFileName();
            if (Files.isSymbolicLink(p)) {
                if (options.symlinks() == SymlinkPolicy.SKIP) {
                    continue;
                }
                if (options.symlinks() == SymlinkPolicy.COPY_LINK) {
                    if (client.statOrNull(child) != null || isLink(child)) {
                        client.remove(child);
                    }
                    client.symlink(child, Files.readSymbolicLink(p).toString());
                    meter.link();
                    continue;
                }
                if (!Files.exists(p)) {
                    continue; // dangling link
                }
            }
            if (Files.isDirectory(p)) {
                tree(p, child, depth + 1);
            } else if (Files.isRegularFile(p)) {
                file(p, child);
            }
        }
        if (options.preserve()) {
            client.setstat(remote, LocalAttributes.of(local));
        }
    }

    private boolean isLink(String remote) throws IOException {
        try {
            return client.lstat(remote).isSymbolicLink();
        } catch (SftpException e) {
            return false;
        }
    }

    private void file(Path local, String remote) throws IOException {
        long size = Files.size(local);
        String target = options.atomic() ? TransferNames.temporaryName(remote) : remote;
        long start = 0;
        if (options.resume()) {
            SftpAttributes a = client.statOrNull(target);
            if (a != null && a.has(SftpAttributes.SIZE)) {
                if (a.size() > size) {
                    throw new SftpException(SftpStatus.FAILURE, "cannot resume: the remote file (" + a.size()
                            + " bytes) is larger than the local one (" + size + " bytes): " + target);
                }
                start = a.size();
            }
        }
        meter.startFile(remote, size, start);
        int chunk = options.chunk(client.limits().writeChunk());
        int maxRequests = options.maxRequests() == 0 ? FlowWindow.MAX_REQUESTS : options.maxRequests();
        int flags = SftpMessages.FXF_WRITE | SftpMessages.FXF_CREAT | (start == 0 ? SftpMessages.FXF_TRUNC : 0);
        try (SftpFile f = client.open(target, flags, SftpAttributes.EMPTY);
                FileChannel in = FileChannel.open(local, StandardOpenOption.READ)) {
            in.position(start);
            SftpOutputStream out = new SftpOutputStream(f, start, chunk, FlowWindow.forLength(chunk, size - start, maxRequests), false);
            long n;
            while ((n = out.transferFrom(in, chunk)) > 0) {
                meter.add(n);
                options.rateLimit().pace(n, options.cancellation());
                checkCancel(local.toString());
            }
            out.close();
            if (options.preserve()) {
                f.fsetstat(LocalAttributes.of(local));
            }
        }
        if (options.atomic()) {
            if (client.supports(SftpExtensions.POSIX_RENAME)) {
                client.posixRename(target, remote);
            } else {
                if (client.statOrNull(remote) != null) {
                    client.remove(remote);
                }
                client.rename(target, remote);
            }
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
