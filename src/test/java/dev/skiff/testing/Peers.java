package dev.skiff.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/** Rules for tests that need a real peer program (sshd, dropbear, ssh-keygen, ...). */
public final class Peers {

    private Peers() {
    }

    /** True when running on CI ({@code CI=true}), where a missing peer is an error, not a skip. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Returns {@code path} if it is an executable file. Otherwise, on CI ({@code CI=true}) throws
     * {@link IllegalStateException} so that the build fails; elsewhere aborts the current test with a
     * JUnit assumption, so that it is reported as skipped.
     */
    public static Path requirePeer(String path) {
        Path program = Paths.get(path);
        if (Files.isRegularFile(program) && Files.isExecutable(program)) {
            return program;
        }
        String message = path + " is not installed (on Debian/Ubuntu: bash .ci/run installs the test peers)";
        if (onCi()) {
            throw new IllegalStateException(message + "; CI=true, so this is an error");
        }
        Assumptions.abort(message + "; skipping");
        throw new AssertionError("unreachable");
    }

    /**
     * Requires an X display ({@code DISPLAY} set, as under {@code xvfb-run}) for {@code *XvfbIT}
     * GUI tests: an error on CI, a skip elsewhere.
     */
    public static void requireDisplay() {
        // -Dit.test=... makes every failsafe execution run the class; only the xvfb-gui one (GTK glass) counts
        Assumptions.assumeFalse("Monocle".equals(System.getProperty("glass.platform")),
                "an *XvfbIT runs in the xvfb-gui execution, not under Monocle");
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return;
        }
        String message = "no X display (DISPLAY is not set): run under xvfb-run, as .ci/run does";
        if (onCi()) {
            throw new IllegalStateException(message + "; CI=true, so this is an error");
        }
        Assumptions.abort(message + "; skipping");
    }
}
