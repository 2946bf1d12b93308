package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static dev.skiff.app.testing.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.AuthPreference;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.PortForward;
import dev.skiff.app.sessions.SavedHost;
import dev.skiff.app.sessions.SidebarEntry;
import dev.skiff.app.terminal.ColorScheme;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application (Monocle) connects a saved host that has L, R and D forwards and an
 * environment variable, against a real SSH server (Skiff's server mode): bytes flow through each
 * forward to a local echo server, the variable reaches the shell, a forward on a busy port is a
 * warning shown in the terminal while the terminal works, a second tab to the host shares the
 * connection without binding the forwards again, and closing the last tab stops the forwards.
 */
class SavedHostForwardsIT {
    private static final String LABEL = "Forwarding box";

    @TempDir
    Path dir;
    private Path config;
    private AppTestServer server;
    private EchoServer echo;
    private ServerSocket busy;
    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        config = dir.resolve("config");
        System.setProperty(AppDirs.PROPERTY, config.toString());
        Files.createDirectories(dir.resolve("files"));
        server = new AppTestServer(dir.resolve("files"));
        echo = new EchoServer();
        busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        server.close();
        echo.close();
        busy.close();
        System.clearProperty(AppDirs.PROPERTY);
    }

    @Test
    void forwardsAndEnvironmentOfASavedHost() throws Exception {
        int local = freePort();
        int remote = freePort();
        int socks = freePort();
        int busyPort = busy.getLocalPort();
        saveHost(List.of(
                new PortForward(PortForward.Type.L, local + ":127.0.0.1:" + echo.port()),
                new PortForward(PortForward.Type.L, busyPort + ":127.0.0.1:" + echo.port()),
                new PortForward(PortForward.Type.R, "127.0.0.1:" + remote + ":127.0.0.1:" + echo.port()),
                new PortForward(PortForward.Type.D, String.valueOf(socks))),
                Map.of("SKIFF_IT_FOO", "bar-42"));
        startApp();

        robot.doubleClickOn(hostCell());
        TerminalTab first = tab(0);
        connected(first);
        // the busy port is a warning, shown at the top of the terminal; the session goes on
        until("the forward warning", () -> first.terminalText().contains("Warning: LocalForward " + busyPort),
                first::terminalText);
        run(first, "echo foo=$SKIFF_IT_FOO", "foo=bar-42");
        // the host's terminal profile: red, whatever the app's theme
        assertEquals(ColorScheme.RED, fx(first::colorScheme));
        assertTrue(server.envRequests().contains("SKIFF_IT_FOO=bar-42"), server.envRequests().toString());

        assertEchoes(new Socket(InetAddress.getLoopbackAddress(), local), "through -L");
        assertEchoes(new Socket(InetAddress.getLoopbackAddress(), remote), "through -R");
        assertEchoes(socks5(socks, echo.port()), "through -D");

        // a second tab to the same host: the same connection, the forwards are not bound again
        // (Enter on the selected host; a second double-click is sometimes taken as two clicks by
        // Monocle after earlier tests in the same JVM)
        robot.clickOn(hostCell()).type(javafx.scene.input.KeyCode.ENTER);
        until("a second tab", () -> sessions().getTabs().size() == 2);
        TerminalTab second = tab(1);
        connected(second);
        run(second, "echo second=$SKIFF_IT_FOO", "second=bar-42");
        assertFalse(second.terminalText().contains("Warning"), second.terminalText());
        assertEquals(ColorScheme.RED, fx(second::colorScheme));
        assertEquals(1, server.authSuccesses());
        assertEquals(1, server.connectionCount());
        assertEchoes(new Socket(InetAddress.getLoopbackAddress(), local), "through -L, second tab open");

        // closing the first tab keeps the forwards (the connection lives on); the last one stops them
        close(first);
        run(second, "echo still-$((3*3))", "still-9");
        assertEquals(State.CONNECTED, fx(() -> second.viewModel().state()));
        assertEchoes(new Socket(InetAddress.getLoopbackAddress(), local), "through -L after one tab closed");
        close(second);
        until("the connection to close", () -> server.connectionCount() == 0);
        until("the local forward to stop", () -> refused(local));
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), socks).close());
    }

    // --- the app ---------------------------------------------------------------------------------

    private void saveHost(List<PortForward> forwards, Map<String, String> env) throws Exception {
        SshKeyPair key = SshKeyGenerator.generate("ssh-ed25519", 0);
        server.allowKey(key.publicKey());
        Path keyFile = dir.resolve("id_test");
        PrivateKeyFiles.write(keyFile, key, null);
        Files.createDirectories(config);
        Files.writeString(config.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + server.hostKey().publicKey().toOpenSshString() + "\n");
        SavedHost h = new SavedHost(null, LABEL, server.host(), server.port(), "tester", AuthPreference.KEY_FILE,
                keyFile.toString(), "", "", env, forwards, 0, "red", "");
        try (HostStore store = HostStore.open(AppDirs.current())) {
            store.put(h);
            store.flush();
        }
    }

    private void startApp() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SkiffApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        until("the host in the sidebar", () -> robot.lookup(".tree-cell").match(SavedHostForwardsIT::isHostCell)
                .tryQuery().isPresent());
        assertTrue(stage.isShowing());
    }

    private static boolean isHostCell(Node n) {
        return n instanceof TreeCell<?> c && c.getItem() instanceof SidebarEntry e && e.name().equals(LABEL);
    }

    private Node hostCell() {
        return robot.lookup(".tree-cell").match(SavedHostForwardsIT::isHostCell).query();
    }

    private TabPane sessions() {
        return robot.lookup("#sessions").queryAs(TabPane.class);
    }

    private TerminalTab tab(int i) {
        return (TerminalTab) sessions().getTabs().get(i);
    }

    private static void connected(TerminalTab t) throws Exception {
        until("terminal connected", () -> t.viewModel().state() == State.CONNECTED,
                () -> t.viewModel().state() + " " + t.viewModel().messageProperty().get());
    }

    private static void run(TerminalTab t, String command, String expected) throws Exception {
        fx(() -> {
            t.typeText(command + "\n");
            return null;
        });
        until("'" + expected + "' in the terminal", () -> t.terminalText().contains(expected), t::terminalText);
    }

    private void close(TerminalTab t) throws Exception {
        fx(() -> {
            sessions().getTabs().remove(t);
            t.getOnClosed().handle(null);
            return null;
        });
    }

    // --- the network -----------------------------------------------------------------------------

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sends a line through {@code s} and expects it back from the echo server. */
    private static void assertEchoes(Socket s, String what) throws IOException {
        try (s) {
            s.setSoTimeout(30_000);
            byte[] msg = ("hello " + what + "\n").getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(msg);
            s.getOutputStream().flush();
            byte[] back = new byte[msg.length];
            new DataInputStream(s.getInputStream()).readFully(back);
            assertArrayEquals(msg, back, what);
        }
    }

    /** A SOCKS5 CONNECT (RFC 1928, no authentication) to 127.0.0.1:{@code port} through {@code socksPort}. */
    private static Socket socks5(int socksPort, int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), socksPort);
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        DataInputStream in = new DataInputStream(s.getInputStream());
        out.write(new byte[] {5, 1, 0});
        out.flush();
        byte[] method = new byte[2];
        in.readFully(method);
        assertArrayEquals(new byte[] {5, 0}, method, "SOCKS method");
        out.write(new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
        out.flush();
        byte[] reply = new byte[10];
        in.readFully(reply);
        assertEquals(5, reply[0]);
        assertEquals(0, reply[1], "SOCKS reply code");
        return s;
    }

    /** A TCP echo server on 127.0.0.1. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        EchoServer() throws IOException {
            Thread t = new Thread(this::accept, "echo-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    Thread t = new Thread(() -> echo(c), "echo");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void echo(Socket c) {
            try (c; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the peer went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
