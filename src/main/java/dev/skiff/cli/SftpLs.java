package dev.skiff.cli;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpDirEntry;
import dev.skiff.ssh.sftp.StatVfs;
import dev.skiff.ssh.sftp.transfer.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code ls}, {@code df} and the progress meter of {@code skiff sftp}. */
final class SftpLs {
    private SftpLs() {
    }

    static boolean list(SftpClient sftp, SftpShell shell, SftpArgs args) throws SshException {
        PrintWriter out = shell.out();
        boolean all = args.has('a');
        boolean longFormat = args.has('l') || args.has('n');
        boolean human = args.has('h');
        String target = shell.remote(args.arg(0, "."));
        for (String path : SftpGlob.expand(sftp, target)) {
            SftpAttributes at = sftp.stat(path);
            List<SftpDirEntry> entries = new ArrayList<>();
            if (at.isDirectory() && !(args.has('d'))) {
                for (SftpDirEntry e : sftp.list(path)) {
                    if (all || !e.name().startsWith(".")) {
                        entries.add(e);
                    }
                }
                entries.sort(Comparator.comparing(SftpDirEntry::name));
            } else {
                entries.add(new SftpDirEntry(path, "", at));
            }
            for (SftpDirEntry e : entries) {
                String name = args.size() == 0 || at.isDirectory() ? e.name() : path;
                if (!longFormat) {
                    out.println(name);
                } else if (!human && !e.longName().isEmpty() && at.isDirectory()) {
                    out.println(e.longName());
                } else {
                    out.println(longLine(e.attrs(), name, human));
                }
            }
        }
        return true;
    }

    static String longLine(SftpAttributes a, String name, boolean human) {
        String size = human ? human(a.size()) : Long.toString(a.size());
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ROOT);
        String when = java.time.Instant.ofEpochSecond(a.mtime()).atZone(java.time.ZoneId.systemDefault()).format(f);
        return String.format(Locale.ROOT, "%s    ? %-8d %-8d %8s %s %s", mode(a.permissions()), a.uid(), a.gid(), size, when, name);
    }

    static String mode(int p) {
        char type = (p & SftpAttributes.S_IFMT) == SftpAttributes.S_IFDIR ? 'd'
                : (p & SftpAttributes.S_IFMT) == SftpAttributes.S_IFLNK ? 'l' : '-';
        StringBuilder sb = new StringBuilder().append(type);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((p & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }

    static String human(long n) {
        String[] units = {"B", "K", "M", "G", "T", "P"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + "B" : String.format(Locale.ROOT, "%.1f%s", v, units[u]);
    }

    static void df(PrintWriter out, StatVfs v, boolean human) {
        long total = v.totalBytes();
        long avail = v.availableBytes();
        long free = v.freeBlocks() * v.fragmentSize();
        long used = total - free;
        long pct = total == 0 ? 0 : Math.round(100.0 * used / total);
        if (human) {
            out.println("    Size     Used    Avail   (root)    %Capacity");
            out.printf(Locale.ROOT, "%8s %8s %8s %8s %11d%%%n", human(total), human(used), human(avail), human(free), pct);
        } else {
            out.println("        Size         Used        Avail       (root)    %Capacity");
            out.printf(Locale.ROOT, "%12d %12d %12d %12d %11d%%%n", total / 1024, used / 1024, avail / 1024, free / 1024, pct);
        }
    }

    /** A one-line meter on stderr, like OpenSSH's: name, percent, bytes, rate, ETA. */
    static ProgressListener meter(PrintWriter err) {
        return p -> {
            long pct = p.fileSize() > 0 ? Math.min(100, 100 * p.fileBytes() / p.fileSize()) : 100;
            String eta = p.eta() == null ? "--:--" : String.format(Locale.ROOT, "%02d:%02d", p.eta().toMinutes(),
                    p.eta().toSecondsPart());
            err.printf(Locale.ROOT, "\r%-40s %3d%% %8s %8s/s %s%s", SftpGlob.basename(p.path()), pct, human(p.fileBytes()),
                    human((long) p.bytesPerSecond()), eta, p.done() ? "\n" : "");
            err.flush();
        };
    }
}
