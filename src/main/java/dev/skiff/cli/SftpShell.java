package dev.skiff.cli;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.StatVfs;
import dev.skiff.ssh.sftp.transfer.RateLimit;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command interpreter of {@code skiff sftp}, with OpenSSH sftp's commands and messages.
 * Batch mode echoes each command and stops at the first failure unless the command starts with
 * {@code -}; interactive mode prompts and carries on after errors.
 */
final class SftpShell {
    private final SftpClient sftp;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean batch;
    private boolean progress;
    private String cwd;
    private Path lcwd = Path.of("").toAbsolutePath();

    private int requestSize;
    private int maxRequests;
    private RateLimit rateLimit = RateLimit.NONE;

    /** sftp -B and -R: bytes per request and requests in flight (0 = automatic). */
    void tuning(Integer bufferSize, Integer requests) {
        requestSize = bufferSize == null ? 0 : Math.max(1, bufferSize);
        maxRequests = requests == null ? 0 : Math.max(2, requests);
    }

    /** sftp -l: every transfer of this session together stays under {@code limit}. */
    void rateLimit(RateLimit limit) {
        rateLimit = limit;
    }

    SftpShell(SftpClient sftp, PrintWriter out, PrintWriter err, boolean batch, boolean progress) throws SshException {
        this.sftp = sftp;
        this.out = out;
        this.err = err;
        this.batch = batch;
        this.progress = progress;
        this.cwd = sftp.realpath(".");
    }

    /** Runs commands until EOF or bye; returns the process exit status. */
    int run(BufferedReader in) throws IOException {
        while (true) {
            if (!batch) {
                out.print("sftp> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return 0;
            }
            String cmd = line.strip();
            if (cmd.isEmpty() || cmd.startsWith("#")) {
                continue;
            }
            boolean ignoreError = cmd.startsWith("-");
            if (ignoreError) {
                cmd = cmd.substring(1).strip();
            }
            if (batch) {
                out.println("sftp> " + cmd);
            }
            out.flush();
            List<String> args;
            try {
                args = SftpArgs.split(cmd);
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
                if (batch && !ignoreError) {
                    return 1;
                }
                continue;
            }
            String name = args.get(0);
            if (name.equals("bye") || name.equals("quit") || name.equals("exit")) {
                return 0;
            }
            boolean ok;
            try {
                ok = dispatch(name, args.subList(1, args.size()));
            } catch (IOException | IllegalArgumentException e) {
                error(message(e));
                ok = false;
            }
            out.flush();
            err.flush();
            if (!ok && batch && !ignoreError) {
                return 1;
            }
        }
    }

    boolean changeDirectory(String path) {
        try {
            return dispatch("cd", List.of(path));
        } catch (IOException e) {
            error(e.getMessage());
            return false;
        }
    }

    private boolean dispatch(String name, List<String> a) throws SshException, IOException {
        SftpArgs args = SftpArgs.parse(a);
        switch (name) {
            case "pwd" -> out.println("Remote working directory: " + cwd);
            case "lpwd" -> out.println("Local working directory: " + lcwd);
            case "cd" -> {
                String p = remote(args.arg(0, cwd));
                SftpAttributes at = sftp.stat(p);
                if (!at.isDirectory()) {
                    return error("Can't change directory: \"" + p + "\" is not a directory");
                }
                cwd = sftp.realpath(p);
            }
            case "lcd" -> {
                Path p = local(args.arg(0, System.getProperty("user.home")));
                if (!Files.isDirectory(p)) {
                    return error("Couldn't change local directory to \"" + p + "\": No such file or directory");
                }
                lcwd = p.normalize();
            }
            case "ls", "dir" -> {
                return SftpLs.list(sftp, this, args);
            }
            case "lls" -> {
                return localLs(a);
            }
            case "get", "reget" -> {
                return get(args, name.equals("reget") || args.has('a'));
            }
            case "put", "reput" -> {
                return put(args, name.equals("reput") || args.has('a'));
            }
            case "mkdir" -> sftp.mkdir(remote(args.required(0, "mkdir")));
            case "lmkdir" -> Files.createDirectory(local(args.required(0, "lmkdir")));
            case "rmdir" -> sftp.rmdir(remote(args.required(0, "rmdir")));
            case "rm" -> {
                for (String p : SftpGlob.expand(sftp, remote(args.required(0, "rm")))) {
                    info("Removing " + p);
                    sftp.remove(p);
                }
            }
            case "rename" -> {
                String from = remote(args.required(0, "rename"));
                String to = remote(args.required(1, "rename"));
                if (sftp.supports("posix-rename@openssh.com") && !args.has('l')) {
                    sftp.posixRename(from, to);
                } else {
                    sftp.rename(from, to);
                }
            }
            case "ln", "symlink" -> {
                String target = args.required(0, name);
                String link = remote(args.required(1, name));
                if (args.has('s') || name.equals("symlink")) {
                    sftp.symlink(link, target);
                } else {
                    sftp.hardlink(remote(target), link);
                }
            }
            case "chmod" -> {
                int mode = Integer.parseInt(args.required(0, "chmod"), 8);
                for (String p : SftpGlob.expand(sftp, remote(args.required(1, "chmod")))) {
                    info("Changing mode on " + p);
                    sftp.setstat(p, SftpAttributes.ofPermissions(mode));
                }
            }
            case "chown", "chgrp" -> {
                long id = Long.parseLong(args.required(0, name));
                for (String p : SftpGlob.expand(sftp, remote(args.required(1, name)))) {
                    SftpAttributes cur = sftp.stat(p);
                    info((name.equals("chown") ? "Changing owner on " : "Changing group on ") + p);
                    sftp.setstat(p, SftpAttributes.EMPTY.withOwner(name.equals("chown") ? id : cur.uid(),
                            name.equals("chgrp") ? id : cur.gid()));
                }
            }
            case "df" -> {
                StatVfs v = sftp.statvfs(remote(args.arg(0, cwd)));
                SftpLs.df(out, v, args.has('h'));
            }
            case "progress" -> {
                progress = !progress;
                out.println("Progress meter " + (progress ? "enabled" : "disabled"));
            }
            case "version" -> out.println("SFTP protocol version " + sftp.version());
            case "help", "?" -> out.println(SftpArgs.HELP);
            default -> {
                return error("Invalid command.");
            }
        }
        return true;
    }

    private boolean get(SftpArgs args, boolean resume) throws SshException, IOException {
        List<String> sources = SftpGlob.expand(sftp, remote(args.required(0, "get")));
        Path dest = args.size() > 1 ? local(args.arg(1, ".")) : lcwd;
        for (String src : sources) {
            Path target = Files.isDirectory(dest) ? dest.resolve(SftpGlob.basename(src)) : dest;
            if (resume && Files.isRegularFile(target)) {
                long have = Files.size(target);
                long size = sftp.stat(src).size();
                if (have == size) {
                    out.println("File \"" + target + "\" was not modified");
                    continue;
                }
                if (have > size) {
                    return error("Unable to resume download of \"" + src + "\": local file is larger than remote");
                }
            }
            info("Fetching " + src + " to " + target);
            SftpTransfers.download(sftp, src, target, options(args, resume));
        }
        return true;
    }

    private boolean put(SftpArgs args, boolean resume) throws SshException, IOException {
        List<Path> sources = SftpGlob.expandLocal(local(args.required(0, "put")));
        String dest = args.size() > 1 ? remote(args.arg(1, ".")) : cwd;
        for (Path src : sources) {
            SftpAttributes d = sftp.statOrNull(dest);
            String target = d != null && d.isDirectory() ? dest + "/" + src.getFileName() : dest;
            if (resume && Files.isRegularFile(src)) {
                SftpAttributes there = sftp.statOrNull(target);
                if (there != null && there.size() >= Files.size(src)) {
                    return error("resume \"" + src + "\": destination file same size or larger");
                }
            }
            info("Uploading " + src + " to " + target);
            SftpTransfers.upload(sftp, src, target, options(args, resume));
        }
        return true;
    }

    private TransferOptions options(SftpArgs args, boolean resume) {
        TransferOptions o = TransferOptions.defaults().withRecursive(args.has('r')).withPreserve(args.has('p'))
                .withResume(resume).withRequestSize(requestSize).withMaxRequests(maxRequests)
                .withRateLimit(rateLimit);
        if (progress && !batch) {
            o = o.withProgress(SftpLs.meter(err));
        }
        return o;
    }

    private boolean localLs(List<String> a) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ls"));
        cmd.addAll(a);
        try {
            Process p = new ProcessBuilder(cmd).directory(lcwd.toFile()).redirectErrorStream(true).start();
            out.print(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            return p.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String remote(String p) {
        if (p.startsWith("/")) {
            return p;
        }
        if (p.equals(".")) {
            return cwd;
        }
        return (cwd.endsWith("/") ? cwd : cwd + "/") + p;
    }

    Path local(String p) {
        if (p.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), p.substring(2));
        }
        return lcwd.resolve(p);
    }

    /** OpenSSH-like text for a failed command; SFTP statuses already name the path. */
    private static String message(Exception e) {
        if (e instanceof NumberFormatException) {
            return "Invalid number.";
        }
        return e.getMessage();
    }

    PrintWriter out() {
        return out;
    }

    /** Informational lines ("Fetching …"), which OpenSSH's sftp leaves out in batch mode. */
    private void info(String line) {
        if (!batch) {
            out.println(line);
            out.flush();
        }
    }

    boolean error(String message) {
        err.println(message);
        err.flush();
        return false;
    }
}
