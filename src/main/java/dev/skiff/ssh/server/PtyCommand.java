package dev.skiff.ssh.server;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.skiff.ssh.connection.ExitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process on a pseudo-terminal (pty4j): sized from pty-req, resized on window-change (reader
 * thread: one ioctl, no blocking). Output and errors both arrive on the terminal, sent as
 * channel data; stdin is pumped on a named daemon thread. Terminal modes from pty-req are not
 * applied (the pty keeps the system defaults).
 */
final class PtyCommand implements ServerCommand {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final List<String> argv;
    private final Map<String, String> env;
    private final PtyInfo pty;
    private volatile PtyProcess process;
    /** The latest size from window-change, also when it arrives before the process exists. */
    private volatile WinSize size;

    PtyCommand(List<String> argv, Map<String, String> env, PtyInfo pty) {
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.pty = pty;
        this.size = new WinSize(Math.max(1, pty.columns()), Math.max(1, pty.rows()), pty.widthPixels(), pty.heightPixels());
    }

    @Override
    public ExitStatus run(InputStream in, OutputStream out, OutputStream err) throws IOException, InterruptedException {
        WinSize initial = size;
        PtyProcess p = new PtyProcessBuilder(sized(initial)).setEnvironment(env)
                .setDirectory(SystemCommands.home().getPath()).setInitialColumns(initial.getColumns())
                .setInitialRows(initial.getRows()).setConsole(false)
                .setUnixOpenTtyToPreserveOutputAfterTermination(true).start();
        process = p;
        WinSize now = size;
        if (!now.equals(initial)) {
            p.setWinSize(now);
        }
        SystemCommands.pump("skiff-pty-" + IDS.incrementAndGet() + "-stdin", () -> Streams.copy(in, p.getOutputStream(), false));
        Streams.copy(p.getInputStream(), out, false);
        return ExitStatus.ofCode(p.waitFor());
    }

    /**
     * pty4j sizes the terminal from the parent after the fork, so a quick command could still see
     * 0x0: the child sets its own size first with stty(1), then execs the real command.
     */
    private String[] sized(WinSize s) {
        java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of("/bin/sh", "-c",
                "stty rows " + s.getRows() + " cols " + s.getColumns() + " 2>/dev/null; exec \"$@\"", "sh"));
        l.addAll(argv);
        return l.toArray(String[]::new);
    }

    @Override
    public void windowChange(int columns, int rows, int widthPixels, int heightPixels) {
        if (columns <= 0 || rows <= 0) {
            return;
        }
        size = new WinSize(columns, rows, widthPixels, heightPixels);
        PtyProcess p = process;
        if (p != null) {
            p.setWinSize(size);
        }
    }

    @Override
    public boolean signal(String name) {
        return ProcessSignals.signal(process, name);
    }

    @Override
    public void destroy() {
        ProcessSignals.destroy(process, false);
    }
}
