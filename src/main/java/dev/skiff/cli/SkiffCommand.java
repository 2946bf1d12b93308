package dev.skiff.cli;

import dev.skiff.app.launch.OpenCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Root of the {@code skiff} command line. It does nothing by itself except help and version; the
 * work is done by subcommands.
 *
 * <p>Subcommands are registered in exactly one place: the {@code subcommands} list of the
 * {@link Command} annotation below. To add one, write a {@code @Command} class in this package and
 * list it there.
 */
@Command(
        name = "skiff",
        mixinStandardHelpOptions = true,
        versionProvider = SkiffVersion.class,
        description = "Skiff: SSH terminal and SFTP browser. Run without arguments to open the desktop app.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            KeyscanCommand.class,
            SshCommand.class,
            SftpCommand.class,
            ConfigCommand.class,
            KeygenCommand.class,
            ServerCommand.class,
            OpenCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class SkiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Called when no subcommand was given (for instance {@code skiff --}): show usage, report misuse. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("Missing command.");
        spec.commandLine().usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    /** A fully configured command line, for {@link dev.skiff.Main} and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new SkiffCommand());
    }

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
