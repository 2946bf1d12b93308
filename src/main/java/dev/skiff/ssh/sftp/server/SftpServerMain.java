package dev.skiff.ssh.sftp.server;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A stdio SFTP server, like OpenSSH's {@code sftp-server}: requests on standard input, replies on
 * standard output, diagnostics on standard error. Usage: {@code SftpServerMain [-R] <root>}
 * ({@code -R}: read-only). Lets the OpenSSH client drive the server without SSH:
 * {@code sftp -D "java -cp ... dev.skiff.ssh.sftp.server.SftpServerMain /srv/files"}.
 * Exit status 0 when the client closes the session, 1 on a protocol or I/O error, 2 on bad usage.
 */
public final class SftpServerMain {
    private SftpServerMain() {
    }

    public static void main(String[] args) {
        boolean readOnly = false;
        String root = null;
        for (String a : args) {
            if (a.equals("-R")) {
                readOnly = true;
            } else if (root == null && !a.startsWith("-")) {
                root = a;
            } else {
                root = null;
                break;
            }
        }
        if (root == null) {
            System.err.println("usage: SftpServerMain [-R] <root>");
            System.exit(2);
        }
        int status = 0;
        try (FileInputStream in = new FileInputStream(FileDescriptor.in);
                FileOutputStream out = new FileOutputStream(FileDescriptor.out)) {
            SftpServerConfig config = SftpServerConfig.of(Path.of(root)).withReadOnly(readOnly);
            new SftpServer(config).serve(in, out);
        } catch (IOException | RuntimeException e) {
            System.err.println("sftp-server: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }
}
