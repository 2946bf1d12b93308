package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.config.LocalContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        ConfigCommand cmd = new ConfigCommand();
        cmd.local = new LocalContext("alice", tmp, "box", Map.of("HOME", tmp.toString()));
        CommandLine cli = new CommandLine(cmd);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsEvaluatedConfigurationLikeSshG() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("cfg"), "Host web\n  HostName web.example.com\n  Port 2200\n");
        assertEquals(0, run("-G", "-F", cfg.toString(), "-l", "bob", "web"));
        String text = out.toString();
        assertTrue(text.startsWith("host web\nuser bob\nhostname web.example.com\nport 2200\n"), text);
        assertTrue(text.contains("\nidentityfile ~/.ssh/id_ed25519\n"), text);
        assertTrue(text.contains("\nuserknownhostsfile " + tmp.resolve(".ssh/known_hosts") + " "), text);
        assertTrue(text.contains("\nconnecttimeout none\n"), text);
        assertEquals("", err.toString());
    }

    @Test
    void configErrorsExitOneWithLocation() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("cfg"), "Port abc\n");
        assertEquals(1, run("-G", "-F", cfg.toString(), "h"));
        assertEquals("skiff config: " + cfg + " line 1: bad port 'abc'\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void missingConfigFileIsAnError() {
        assertEquals(1, run("-G", "-F", tmp.resolve("nope").toString(), "h"));
        assertTrue(err.toString().contains("can't open"), err.toString());
    }

    @Test
    void withoutDashGIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("-F", "none", "h"));
    }

    @Test
    void registeredUnderSkiff() {
        assertTrue(SkiffCommand.commandLine().getSubcommands().containsKey("config"));
    }
}
