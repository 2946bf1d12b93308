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

    /**
     * With no Skiff window running, {@code skiff open LABEL} for a label no saved host has fails at
     * once with the running window's message (exit 1) instead of starting the app, without loading
     * JavaFX.
     */
    @Test
    void anUnknownLabelFailsWithoutAWindow() throws Exception {
        Path config = Files.createDirectories(runtime.resolve("config"));
        try (dev.skiff.app.sessions.HostStore store = dev.skiff.app.sessions.HostStore.open(
                new dev.skiff.app.sessions.AppDirs(config))) {
            store.put(new dev.skiff.app.sessions.SavedHost(null, "Web server", "example.org", 22, "me",
                    dev.skiff.app.sessions.AuthPreference.AGENT, "", "", "", java.util.Map.of(), List.of(), 0, "", ""));
            store.flush();
        }
        String output = run(1, List.of("-D" + dev.skiff.app.sessions.AppDirs.PROPERTY + "=" + config), "open", "no-such-host");
        assertTrue(output.contains("skiff: no saved host \"no-such-host\""), output);
    }

    private void run(String... args) throws Exception {
        run(0, List.of(), args);
    }

    private String run(int expectedExit, List<String> jvmOptions, String... args) throws Exception {
        Path output = runtime.resolve("out.txt");
        Path classLog = runtime.resolve("classes.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Xlog:class+load=info:file=" + classLog));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", testClassPath(), "dev.skiff.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = pb.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "skiff " + String.join(" ", args) + " did not finish");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(expectedExit, process.exitValue(), text);
        assertTrue(Files.readAllLines(classLog).stream().noneMatch(l -> l.contains(" javafx.")),
                "the launcher loaded JavaFX");
        return text;
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }
}
