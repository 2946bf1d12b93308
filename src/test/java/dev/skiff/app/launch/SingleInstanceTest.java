package dev.skiff.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two "instances" in one JVM talking over a real Unix-domain socket in a temporary directory. */
class SingleInstanceTest {

    @TempDir
    Path temp;

    private Path socket() {
        return temp.resolve("rt").resolve("skiff.sock");
    }

    @Test
    void aRefusedRequestComesBackWithItsReason() throws Exception {
        try (SingleInstance first = SingleInstance.listen(socket(), r -> {
            throw new SingleInstance.RefusedException("no saved host \"" + r.label() + "\"\nsecond line");
        }).orElseThrow()) {
            SingleInstance.Forwarding f = SingleInstance.forward(socket(), OpenRequest.savedHost("typo"));
            assertEquals(SingleInstance.Forwarding.Status.REFUSED, f.status());
            assertEquals("no saved host \"typo\" second line", f.reason());
            assertFalse(SingleInstance.tryForward(socket(), OpenRequest.savedHost("typo")));
        }
        assertEquals(SingleInstance.Forwarding.Status.NO_INSTANCE,
                SingleInstance.forward(socket(), OpenRequest.savedHost("typo")).status());
    }

    @Test
    void secondLauncherForwardsToTheFirstInstance() throws Exception {
        LinkedBlockingQueue<OpenRequest> received = new LinkedBlockingQueue<>();
        try (SingleInstance first = SingleInstance.listen(socket(), received::add).orElseThrow()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket().getParent())));
            assertTrue(SingleInstance.tryForward(socket(), OpenRequest.savedHost("web server")));
            assertTrue(SingleInstance.tryForward(socket(), OpenRequest.parseUrl("sftp://bob@h:2022/tmp")));
            assertEquals(OpenRequest.savedHost("web server"), received.poll(20, TimeUnit.SECONDS));
            assertEquals(OpenRequest.parseUrl("sftp://bob@h:2022/tmp"), received.poll(20, TimeUnit.SECONDS));

            assertTrue(SingleInstance.listen(socket(), r -> { }).isEmpty(), "a second listener must defer to the live one");
            assertTrue(SingleInstance.tryForward(socket(), OpenRequest.savedHost("again")), "probe did not disturb the first");
        }
        assertFalse(Files.exists(socket()), "close removes the socket");
        assertFalse(SingleInstance.tryForward(socket(), OpenRequest.savedHost("web")));
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Files.createDirectory(temp.resolve("rt"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertTrue(Files.exists(socket()), "a closed listener leaves its file, as after a crash");
        assertFalse(SingleInstance.tryForward(socket(), OpenRequest.savedHost("web")));

        List<OpenRequest> received = new CopyOnWriteArrayList<>();
        try (SingleInstance instance = SingleInstance.listen(socket(), received::add).orElseThrow()) {
            assertTrue(SingleInstance.tryForward(socket(), OpenRequest.savedHost("web")));
            assertEquals(List.of(OpenRequest.savedHost("web")), received);
        }
    }

    @Test
    void oversizedGarbageAndOldVersionsAreRefusedAndTheListenerLivesOn() throws Exception {
        List<OpenRequest> received = new CopyOnWriteArrayList<>();
        try (SingleInstance instance = SingleInstance.listen(socket(), received::add).orElseThrow();
             SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            // a client that connects and says nothing is dropped after the I/O timeout
            assertEquals("ERR request too long", exchange("SKIFF/1 HOST " + "x".repeat(SingleInstance.MAX_LINE * 2)));
            assertEquals("ERR unsupported protocol version", exchange("SKIFF/0 HOST web"));
            assertEquals("ERR bad request", exchange("SKIFF/1 EXEC rm -rf /"));
            assertEquals("ERR bad request", exchange("SKIFF/1 URL http://example.org"));
            assertEquals("OK", exchange("SKIFF/1 HOST web"));
            assertEquals(List.of(OpenRequest.savedHost("web")), received);
        }
    }

    @Test
    void refusesADirectoryOthersCanEnter() throws Exception {
        Files.createDirectory(temp.resolve("rt"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(temp.resolve("rt"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThrows(IOException.class, () -> SingleInstance.listen(socket(), r -> { }));
    }

    @Test
    void neverForwardsToASocketInADirectoryOthersCanWrite() throws Exception {
        try (SingleInstance instance = SingleInstance.listen(socket(), r -> { }).orElseThrow()) {
            Files.setPosixFilePermissions(socket().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
            assertFalse(SingleInstance.tryForward(socket(), OpenRequest.savedHost("web")));
            Files.setPosixFilePermissions(socket().getParent(), PosixFilePermissions.fromString("rwx------"));
            assertTrue(SingleInstance.tryForward(socket(), OpenRequest.savedHost("web")));
        }
    }

    @Test
    void defaultLocationPrefersTheRuntimeDirectory() {
        assertEquals(temp.resolve("skiff").resolve("skiff.sock"),
                SocketLocation.defaultSocket(java.util.Map.of("XDG_RUNTIME_DIR", temp.toString()), "Linux", "/tmp", "al"));
        assertEquals(Path.of("/tmp", "skiff-a_b", "skiff.sock"),
                SocketLocation.defaultSocket(java.util.Map.of(), "Linux", "/tmp", "a/b"));
    }

    private String exchange(String line) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) < 0 || !channel.isOpen()) {
                    break;
                }
            }
            return LineChannel.readLine(channel, 200, 30_000);
        }
    }
}
