package dev.skiff.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Words and flags of one sftp command line: quoting with '…' and "…", backslash escapes, and
 * leading {@code -flags} (as in {@code get -rp dir}).
 */
final class SftpArgs {
    static final String HELP = String.join("\n",
            "Available commands:",
            "bye                                Quit sftp",
            "cd path                            Change remote directory to 'path'",
            "chgrp grp path                     Change group of file 'path' to 'grp'",
            "chmod mode path                    Change permissions of file 'path' to 'mode'",
            "chown own path                     Change owner of file 'path' to 'own'",
            "df [-h] [path]                     Display statistics for current directory or filesystem containing 'path'",
            "exit                               Quit sftp",
            "get [-apr] remote [local]          Download file",
            "reget [-pr] remote [local]         Resume download file",
            "reput [-pr] [local] remote         Resume upload file",
            "help                               Display this help text",
            "lcd path                           Change local directory to 'path'",
            "lls [ls-options [path]]            Display local directory listing",
            "lmkdir path                        Create local directory",
            "ln [-s] oldpath newpath            Link remote file (-s for symlink)",
            "lpwd                               Print local working directory",
            "ls [-1ahl] [path]                  Display remote directory listing",
            "mkdir path                         Create remote directory",
            "progress                           Toggle display of progress meter",
            "put [-apr] local [remote]          Upload file",
            "pwd                                Display remote working directory",
            "quit                               Quit sftp",
            "rename oldpath newpath             Rename remote file",
            "rm path                            Delete remote file",
            "rmdir path                         Remove remote directory",
            "symlink oldpath newpath            Symlink remote file",
            "version                            Show SFTP version",
            "?                                  Synonym for help");

    private final String flags;
    private final List<String> words;

    private SftpArgs(String flags, List<String> words) {
        this.flags = flags;
        this.words = words;
    }

    /** Splits a command line into words, honouring quotes and backslashes. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unterminated quote");
        }
        if (inWord) {
            words.add(w.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("Invalid command.");
        }
        return words;
    }

    /** Leading words of the form {@code -xyz} are flags; the rest are arguments. */
    static SftpArgs parse(List<String> args) {
        StringBuilder flags = new StringBuilder();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            flags.append(args.get(i), 1, args.get(i).length());
            i++;
        }
        return new SftpArgs(flags.toString(), List.copyOf(args.subList(i, args.size())));
    }

    boolean has(char flag) {
        return flags.indexOf(flag) >= 0;
    }

    int size() {
        return words.size();
    }

    String arg(int i, String fallback) {
        return i < words.size() ? words.get(i) : fallback;
    }

    String required(int i, String command) {
        if (i >= words.size()) {
            throw new IllegalArgumentException("You must specify " + (i == 0 ? "a path" : "two paths") + " for " + command);
        }
        return words.get(i);
    }
}
