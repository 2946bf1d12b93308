package dev.skiff.cli;

import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.HostConfigDump;
import dev.skiff.ssh.config.LocalContext;
import dev.skiff.ssh.config.SshConfigEvaluator;
import dev.skiff.ssh.config.SshConfigException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skiff config -G}: evaluates ssh_config for a destination and prints the result like
 * {@code ssh -G}, limited to the keywords Skiff supports. Exit 0 on success, 1 for a
 * configuration error, 2 for misuse.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the ssh_config settings that apply to a destination (like ssh -G).")
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The local user, home and host name; replaced by tests. */
    LocalContext local = LocalContext.current();

    @Option(names = "-G", description = "Print the evaluated configuration and exit (required).")
    boolean print;

    @Option(names = "-F", paramLabel = "configfile",
            description = "Read only this file instead of ~/.ssh/config and /etc/ssh/ssh_config (\"none\": no file).")
    String configFile;

    @Option(names = "-p", paramLabel = "port", description = "Port; wins over the configuration.")
    Integer port;

    @Option(names = "-l", paramLabel = "login_name", description = "Remote user; wins over the configuration.")
    String user;

    @Option(names = "-o", paramLabel = "option", description = "Option in ssh_config syntax, e.g. -o Port=2222; repeatable.")
    List<String> options = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "destination",
            description = "host, user@host or ssh://[user@]host[:port]")
    String destination;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!print) {
            err.println("skiff config: only -G is supported; try skiff config -G " + destination);
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (port != null && (port < 1 || port > 65535)) {
            err.println("skiff config: bad port '" + port + "'");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        SshConfigEvaluator e = new SshConfigEvaluator().local(local).destination(destination);
        if (user != null) {
            e.user(user);
        }
        if (port != null) {
            e.port(port);
        }
        options.forEach(e::option);
        if (configFile != null) {
            e.configFile(configFile);
        }
        try {
            HostConfig cfg = e.evaluate();
            HostConfigDump.lines(cfg).forEach(out::println);
            out.flush();
            return 0;
        } catch (SshConfigException ex) {
            err.println("skiff config: " + ex.getMessage());
            err.flush();
            return 1;
        }
    }
}
