package dev.skiff.ssh.x11;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Calls the {@code xauth} program (OpenSSH's XAuthLocation, {@code /usr/bin/xauth} by default) to
 * read or record X authorization cookies. Cookies travel on xauth's stdin / stdout, never on its
 * command line (where {@code ps} would show them). Blocking, with a timeout: never call on a
 * transport reader thread.
 */
public final class Xauth {
    /** OpenSSH's default XAuthLocation on Debian. */
    public static final Path DEFAULT_LOCATION = Path.of("/usr/bin/xauth");
    private static final long TIMEOUT_SECONDS = 20;

    private final Path program;
    private final Path authority;

    /**
     * @param program the xauth executable
     * @param authority the authority file ({@code xauth -f}); null for xauth's default (XAUTHORITY
     *        or ~/.Xauthority)
     */
    public Xauth(Path program, Path authority) {
        this.program = program;
        this.authority = authority;
    }

    /** Whether the xauth program exists and is executable. */
    public boolean available() {
        return java.nio.file.Files.isExecutable(program);
    }

    /**
     * {@code xauth list DISPLAY}: the first cookie recorded for {@code display}, or empty when
     * there is none (or xauth fails).
     */
    public Optional<X11Cookie> list(String display) throws IOException {
        String out = run(List.of("list", display), null);
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[2].matches("([0-9a-fA-F]{2})+")) {
                return Optional.of(new X11Cookie(f[1], HexFormat.of().parseHex(f[2])));
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces the entry for {@code display} with {@code protocol} / {@code cookieHex}
     * ({@code remove} then {@code add}, fed on stdin, as sshd does).
     *
     * @throws IOException if xauth cannot run or fails
     */
    public void add(String display, String protocol, String cookieHex) throws IOException {
        String script = "remove " + display + "\nadd " + display + " " + protocol + " " + cookieHex + "\n";
        run(List.of("-"), script);
    }

    /**
     * OpenSSH's untrusted cookie ({@code ssh -X} with ForwardX11Trusted no): asks the X server
     * for a new cookie with {@code xauth generate DISPLAY MIT-MAGIC-COOKIE-1 untrusted timeout T}
     * (connecting with this instance's authority file) into a private temporary file, reads it
     * back and deletes the file. Clients using it get the SECURITY extension's restrictions, and
     * the server forgets it {@code timeout} after its last use.
     *
     * @throws IOException if xauth or the X server refuses (e.g. no SECURITY extension)
     */
    public Optional<X11Cookie> generateUntrusted(String display, java.time.Duration timeout) throws IOException {
        Path dir = java.nio.file.Files.createTempDirectory("skiff-xauth-",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve("xauthfile");
        try {
            Xauth temp = new Xauth(program, file);
            temp.run(List.of("generate", display, X11Cookie.MIT_MAGIC_COOKIE, "untrusted", "timeout",
                    String.valueOf(Math.max(1, timeout.toSeconds()))), null, authority);
            return temp.list(display);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    private String run(List<String> args, String stdin) throws IOException {
        return run(args, stdin, null);
    }

    /** {@code connectWith}: XAUTHORITY for xauth's own X connection (generate), or null. */
    private String run(List<String> args, String stdin, Path connectWith) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(program.toString(), "-q"));
        if (authority != null) {
            cmd.addAll(List.of("-f", authority.toString()));
        }
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (connectWith != null) {
            pb.environment().put("XAUTHORITY", connectWith.toString());
        }
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        // stdout is read on another thread so that a hung xauth (e.g. an X server that does not
        // answer "generate") cannot outlast the timeout; killing it ends that read
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readNBytes(1 << 20);
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            if (stdin != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(program + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(program + " " + args.get(0) + " failed with status " + p.exitValue());
            }
            return new String(out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted running " + program, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("cannot read the output of " + program, e);
        }
    }
}
