package dev.skiff.cli;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpDirEntry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Glob expansion ({@code * ? [...]}) of remote and local paths, component by component, sorted. */
final class SftpGlob {
    private SftpGlob() {
    }

    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    static String basename(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Expands an absolute remote pattern; a pattern matching nothing is an error like OpenSSH's. */
    static List<String> expand(SftpClient sftp, String absolute) throws SshException {
        if (!isGlob(absolute)) {
            return List.of(absolute);
        }
        List<String> current = List.of("");
        for (String part : absolute.substring(1).split("/")) {
            List<String> next = new ArrayList<>();
            for (String dir : current) {
                if (!isGlob(part)) {
                    next.add(dir + "/" + part);
                    continue;
                }
                Pattern re = regex(part);
                SftpAttributes at = sftp.statOrNull(dir.isEmpty() ? "/" : dir);
                if (at == null || !at.isDirectory()) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (SftpDirEntry e : sftp.list(dir.isEmpty() ? "/" : dir)) {
                    String n = e.name();
                    if (n.equals(".") || n.equals("..") || (n.startsWith(".") && !part.startsWith("."))) {
                        continue;
                    }
                    if (re.matcher(n).matches()) {
                        names.add(n);
                    }
                }
                names.sort(null);
                names.forEach(n -> next.add(dir + "/" + n));
            }
            current = next;
        }
        if (current.isEmpty()) {
            throw new SshException("File \"" + absolute + "\" not found.");
        }
        return current;
    }

    static List<Path> expandLocal(Path pattern) throws IOException {
        String name = pattern.getFileName() == null ? "" : pattern.getFileName().toString();
        if (!isGlob(name)) {
            if (!Files.exists(pattern)) {
                throw new IOException("Local file \"" + pattern + "\" not found.");
            }
            return List.of(pattern);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pattern.getParent(), name)) {
            ds.forEach(out::add);
        }
        if (out.isEmpty()) {
            throw new IOException("File \"" + pattern + "\" not found.");
        }
        out.sort(null);
        return out;
    }

    static Pattern regex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end).replace("\\", "\\\\");
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        re.append('[').append(set).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
