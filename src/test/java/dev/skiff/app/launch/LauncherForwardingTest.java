package dev.skiff.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff open LABEL} and {@code skiff ssh://…} run as real processes while an instance
 * listens: they hand the request over, exit 0, and never load JavaFX (no display needed).
 */
class LauncherForwardingTest {

    @TempDir
    Path runtime;

    @Test
    void openAndUrlArgumentsAreForwardedToTheRunningInstance() throws Exception {
        LinkedBlockingQueue<OpenRequest> received = new LinkedBlockingQueue<>();
        Path socket = SocketLocation.defaultSocket(java.util.Map.of("XDG_RUNTIME_DIR", runtime.toString()), "Linux", "/tmp", "u");
        try (SingleInstance instance = SingleInstance.listen(socket, received::add).orElseThrow()) {
            run("open", "web server");
            assertEquals(OpenRequest.savedHost("web server"), received.poll(30, TimeUnit.SECONDS));
            run("ssh://alice@example.org:2222");
            assertEquals(OpenRequest.parseUrl("ssh://alice@example.org:2222"), received.poll(30, TimeUnit.SECONDS));
        }
    }

    private void run(String... args) throws Exception {
        Path output = runtime.resolve("out.txt");
        Path classLog = runtime.resolve("classes.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Xlog:class+load=info:file=" + classLog,
                "-cp", testClassPath(), "dev.skiff.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = pb.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "skiff " + String.join(" ", args) + " did not finish");
        assertEquals(0, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        assertTrue(Files.readAllLines(classLog).stream().noneMatch(l -> l.contains(" javafx.")),
                "forwarding loaded JavaFX");
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }
}
