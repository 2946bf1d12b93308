package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.ExitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process without a terminal: stdin, stdout and stderr are pipes, pumped on named daemon
 * threads (stderr as extended data type 1), independently so neither can block the other.
 * Signals: TERM and KILL (what {@link Process} can deliver); others are refused.
 */
final class ProcessCommand implements ServerCommand {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final List<String> argv;
    private final Map<String, String> env;
    private volatile Process process;

    ProcessCommand(List<String> argv, Map<String, String> env) {
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
    }

    @Override
    public ExitStatus run(InputStream in, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(SystemCommands.home());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        process = p;
        int id = IDS.incrementAndGet();
        Thread errPump = SystemCommands.pump("skiff-proc-" + id + "-stderr", () -> Streams.copy(p.getErrorStream(), err, false));
        SystemCommands.pump("skiff-proc-" + id + "-stdin", () -> Streams.copy(in, p.getOutputStream(), true));
        Streams.copy(p.getInputStream(), out, false);
        errPump.join();
        return ExitStatus.ofCode(p.waitFor());
    }

    @Override
    public boolean signal(String name) {
        return ProcessSignals.signal(process, name);
    }

    @Override
    public void destroy() {
        ProcessSignals.destroy(process, true);
    }
}
