package dev.skiff.app.sftp;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into one line for the user (never a stack trace). Any thread. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof AccessDeniedException a) {
            return "Permission denied: " + a.getFile();
        }
        if (e instanceof NoSuchFileException a) {
            return "No such file: " + a.getFile();
        }
        if (e instanceof FileAlreadyExistsException a) {
            return "Already exists: " + a.getFile();
        }
        if (e instanceof DirectoryNotEmptyException a) {
            return "Directory not empty: " + a.getFile();
        }
        if (e instanceof NotDirectoryException a) {
            return "Not a directory: " + a.getFile();
        }
        if (e instanceof FileSystemException a && a.getReason() != null) {
            return a.getReason() + ": " + a.getFile();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : visible(m);
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(300).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
