package dev.skiff.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OpenRequestTest {

    @Test
    void sshUrlWithUserAndPort() {
        OpenRequest r = OpenRequest.parseUrl("ssh://alice@example.org:2222");
        assertEquals(OpenRequest.Kind.URI, r.kind());
        assertEquals("ssh", r.scheme());
        assertEquals("alice", r.user());
        assertEquals("example.org", r.host());
        assertEquals(2222, r.port());
        assertNull(r.path());
        assertFalse(r.isSftp());
    }

    @Test
    void defaultsAndPath() {
        OpenRequest r = OpenRequest.parseUrl("SFTP://files.example.org/srv/data%20dir/");
        assertEquals("sftp", r.scheme());
        assertNull(r.user());
        assertEquals(22, r.port());
        assertEquals("/srv/data dir/", r.path());
        assertTrue(r.isSftp());
        assertNull(OpenRequest.parseUrl("ssh://h/").path());
    }

    @Test
    void ipv6AndConnectionParametersAndEncodedUser() {
        OpenRequest r = OpenRequest.parseUrl("ssh://bob;fingerprint=ssh-ed25519-abc@[::1]:2200");
        assertEquals("bob", r.user());
        assertEquals("::1", r.host());
        assertEquals(2200, r.port());
        assertEquals("ssh://bob@[::1]:2200", r.toUrl());
        assertEquals("first last", OpenRequest.parseUrl("ssh://first%20last@h").user());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh://", "ssh:///path", "http://host", "ssh://host:0", "ssh://host:99999",
        "ssh://ho st", "ssh://user%0A@host", "sftp://host/a%00b", "ssh:host"})
    void rejectsWhatIsNotAUsableUrl(String text) {
        assertThrows(IllegalArgumentException.class, () -> OpenRequest.parseUrl(text));
    }

    @Test
    void isOpenUrlOnlyForTheTwoSchemes() {
        assertTrue(OpenRequest.isOpenUrl("ssh://h"));
        assertTrue(OpenRequest.isOpenUrl("Sftp://h"));
        assertFalse(OpenRequest.isOpenUrl("ssh"));
        assertFalse(OpenRequest.isOpenUrl("-p"));
        assertFalse(OpenRequest.isOpenUrl("user@host"));
    }

    @Test
    void encodeDecodeRoundTrip() {
        for (OpenRequest r : new OpenRequest[] {
            OpenRequest.savedHost("prod db (eu) 100%"),
            OpenRequest.parseUrl("sftp://carol@10.0.0.1:2022/home/carol/a%20b"),
            OpenRequest.parseUrl("ssh://[fe80::1]"),
        }) {
            assertEquals(r, OpenRequest.decode(r.encode()));
        }
        assertEquals("HOST web", OpenRequest.savedHost("web").encode());
        assertThrows(IllegalArgumentException.class, () -> OpenRequest.decode("RUN rm -rf"));
    }

    @Test
    void savedHostLabelsAreBoundedAndPrintable() {
        assertThrows(IllegalArgumentException.class, () -> OpenRequest.savedHost(" "));
        assertThrows(IllegalArgumentException.class, () -> OpenRequest.savedHost("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> OpenRequest.savedHost("x".repeat(OpenRequest.MAX_FIELD + 1)));
        assertEquals("web", OpenRequest.savedHost("web").label());
    }
}
