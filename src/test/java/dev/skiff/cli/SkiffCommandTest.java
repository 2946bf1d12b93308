package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SkiffCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SkiffCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionPrintsNameAndVersionAndSucceeds() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("skiff " + SkiffVersion.current()), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void shortVersionFlagWorksToo() {
        assertEquals(0, run("-V"));
        assertTrue(out.toString().startsWith("skiff "), out.toString());
    }

    @Test
    void versionFallsBackOutsideAJar() {
        // Tests run from target/classes, which has no manifest.
        assertEquals(SkiffVersion.FALLBACK, SkiffVersion.current());
    }

    @Test
    void helpShowsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        String text = out.toString();
        assertTrue(text.startsWith("Usage: skiff"), text);
        assertTrue(text.contains("--version"), text);
        assertTrue(text.contains("Commands:"), text);
    }

    @Test
    void helpSubcommandShowsUsage() {
        assertEquals(0, run("help"));
        assertTrue(out.toString().startsWith("Usage: skiff"), out.toString());
    }

    @Test
    void unknownArgumentIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("no-such-command"));
        assertTrue(err.toString().contains("no-such-command"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, run("--"));
        assertTrue(err.toString().contains("Usage: skiff"), err.toString());
    }
}
