package dev.skiff.app.terminal;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.techsenger.jeditermfx.core.ProcessTtyConnector;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A local shell through pty4j: {@code $SHELL} (or {@code /bin/sh}) as a login shell, in the user's
 * home directory, with {@code TERM=xterm-256color}. {@link #open} blocks briefly (fork/exec).
 */
public final class LocalShellSource implements TerminalSource {
    private final List<String> command;
    private final Map<String, String> environment;
    private final String directory;

    /** The user's login shell in their home directory. */
    public LocalShellSource() {
        this(List.of(defaultShell(), "-l"), System.getenv(), System.getProperty("user.home"));
    }

    /** A given command line, environment (TERM is added) and working directory. */
    public LocalShellSource(List<String> command, Map<String, String> environment, String directory) {
        this.command = List.copyOf(command);
        Map<String, String> env = new HashMap<>(environment);
        env.put("TERM", SshTerminalSource.TERM);
        this.environment = Map.copyOf(env);
        this.directory = directory;
    }

    static String defaultShell() {
        String shell = System.getenv("SHELL");
        return shell == null || shell.isBlank() ? "/bin/sh" : shell;
    }

    @Override
    public TtyConnector open(TerminalSize size, Consumer<String> progress) throws Exception {
        progress.accept("Starting " + command.get(0));
        PtyProcess process = new PtyProcessBuilder(command.toArray(String[]::new)).setEnvironment(environment)
                .setDirectory(directory).setInitialColumns(size.columns()).setInitialRows(size.rows())
                .setConsole(false).start();
        return new LocalConnector(process, command);
    }

    @Override
    public void cancel() {
        // starting a local process does not wait on anything the user could cancel
    }

    @Override
    public String displayName() {
        return "Local shell";
    }

    /** pty4j process connector: resize through TIOCSWINSZ; close kills the shell (waking read). */
    private static final class LocalConnector extends ProcessTtyConnector {
        private final PtyProcess process;

        LocalConnector(PtyProcess process, List<String> command) {
            super(process, StandardCharsets.UTF_8, command);
            this.process = process;
        }

        @Override
        public void resize(TermSize size) {
            if (isConnected()) {
                process.setWinSize(new WinSize(size.getColumns(), size.getRows()));
            }
        }

        @Override
        public String getName() {
            return "Local shell";
        }
    }
}
