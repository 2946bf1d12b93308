package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code dev.skiff.Main} in a fresh JVM, as a user would, with no display, and checks from the
 * JVM's own class-loading log that the command line never touches JavaFX.
 */
class CliPathLoadsNoJavaFxTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version"})
    void commandLineRunsHeadlessWithoutLoadingJavaFx(String flag, @TempDir Path dir) throws Exception {
        Path classLog = dir.resolve("classes.log");
        Path output = dir.resolve("output.txt");
        ProcessBuilder pb = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-Xlog:class+load=info:file=" + classLog,
                "-cp", testClassPath(),
                "dev.skiff.Main", flag);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true).redirectOutput(output.toFile());

        Process process = pb.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "skiff " + flag + " did not finish");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        assertTrue(text.startsWith(flag.equals("--help") ? "Usage: skiff" : "skiff "), text);

        List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.skiff.Main ")),
                "class-load log looks wrong (no dev.skiff.Main): " + classLog);
        List<String> javafx = loaded.stream()
                .filter(line -> line.contains(" javafx.") || line.contains(" com.sun.javafx."))
                .collect(Collectors.toList());
        assertEquals(List.of(), javafx, "the CLI path loaded JavaFX classes");
    }

    /** Surefire runs tests from a booter jar but publishes the real test class path. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return cp;
    }
}
