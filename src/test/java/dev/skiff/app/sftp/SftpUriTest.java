package dev.skiff.app.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SftpUriTest {
    @Test
    void parsesTheQuickConnectForms() {
        assertEquals(new SftpUri("alice", "example.org", 2222, "/srv/www"), SftpUri.parse("sftp://alice@example.org:2222/srv/www"));
        assertEquals(new SftpUri(null, "example.org", 22, null), SftpUri.parse("SFTP://example.org"));
        assertEquals(new SftpUri("bob", "::1", 22, "logs"), SftpUri.parse("sftp://bob@[::1]/~/logs"));
        assertEquals(new SftpUri("a b", "h", 22, null), SftpUri.parse("sftp://a%20b@h/~"));
    }

    @Test
    void refusesWhatIsNotAnSftpAddress() {
        assertThrows(IllegalArgumentException.class, () -> SftpUri.parse("ssh://h"));
        assertThrows(IllegalArgumentException.class, () -> SftpUri.parse("sftp://"));
        assertThrows(IllegalArgumentException.class, () -> SftpUri.parse("sftp://u:pw@h"));
    }
}
