package dev.skiff.app.launch;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skiff open LABEL|URL}: opens a saved host (or an ssh:// / sftp:// URL) in the Skiff window. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Open a saved host, or an ssh:// or sftp:// URL, in the running Skiff window",
                "(or in a new one when Skiff is not running)."})
public final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HOST", description = "Label of a saved host, or ssh://[user@]host[:port] / sftp://[user@]host[:port][/path].")
    String target;

    @Override
    public Integer call() {
        OpenRequest request;
        try {
            request = OpenRequest.isOpenUrl(target) ? OpenRequest.parseUrl(target) : OpenRequest.savedHost(target);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("skiff open: " + e.getMessage());
            return 2;
        }
        return OpenLauncher.open(request);
    }
}
