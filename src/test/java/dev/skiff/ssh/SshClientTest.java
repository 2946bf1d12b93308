package dev.skiff.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.skiff.ssh.transport.TransportConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshClientTest {
    @Test
    void knownKeyTypesComeFirstInConfiguredOrder() {
        TransportConfig c = TransportConfig.defaults();
        TransportConfig ordered = SshClient.preferKnownKeyTypes(c, List.of("ssh-rsa", "ecdsa-sha2-nistp384"));
        assertEquals(List.of("ecdsa-sha2-nistp384", "rsa-sha2-512", "rsa-sha2-256", "ssh-ed25519", "ecdsa-sha2-nistp256",
                "ecdsa-sha2-nistp521"), ordered.hostKeyAlgorithms());
        assertSame(c, SshClient.preferKnownKeyTypes(c, List.of()));
    }

    @Test
    void connectSpecDisplayName() {
        assertEquals("example.org", ConnectSpec.of("example.org", 22).displayName());
        assertEquals("[example.org]:2222", ConnectSpec.of("example.org", 2222).displayName());
    }
}
