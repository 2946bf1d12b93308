package dev.skiff.ssh.server;

/** Signal delivery and teardown shared by the pipe and pty process commands. */
final class ProcessSignals {
    private ProcessSignals() {
    }

    /** RFC 4254 6.9 "signal": only TERM and KILL can be delivered from Java; false for the rest. */
    static boolean signal(Process p, String name) {
        if (p == null) {
            return false;
        }
        switch (name) {
            case "TERM" -> p.destroy();
            case "KILL" -> p.destroyForcibly();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Ends the process (and, with {@code children}, what it started) if it still runs. */
    static void destroy(Process p, boolean children) {
        if (p != null && p.isAlive()) {
            if (children) {
                p.descendants().forEach(ProcessHandle::destroy);
            }
            p.destroy();
        }
    }
}
