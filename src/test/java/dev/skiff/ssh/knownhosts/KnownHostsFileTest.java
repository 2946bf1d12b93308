package dev.skiff.ssh.knownhosts;

import static dev.skiff.ssh.knownhosts.HostKeyStatus.CHANGED;
import static dev.skiff.ssh.knownhosts.HostKeyStatus.NEW;
import static dev.skiff.ssh.knownhosts.HostKeyStatus.OK;
import static dev.skiff.ssh.knownhosts.HostKeyStatus.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsFileTest {
    static final String ED = "ssh-ed25519";
    static final TestKey ALPHA = TestKey.of(ED, 1);
    static final TestKey WILD = TestKey.of(ED, 2);
    static final TestKey RSA = TestKey.of("ssh-rsa", 3);
    static final TestKey PORTED = TestKey.of(ED, 4);
    static final TestKey PLAIN22 = TestKey.of(ED, 5);
    static final TestKey HASHED = TestKey.of(ED, 6);
    static final TestKey HASHED_PORT = TestKey.of(ED, 7);
    static final TestKey REVOKED_KEY = TestKey.of(ED, 8);
    static final TestKey CA = TestKey.of(ED, 9);
    static final TestKey OTHER = TestKey.of(ED, 10);
    static final TestKey ECDSA = TestKey.of("ecdsa-sha2-nistp256", 11);

    @TempDir
    Path dir;
    Path path;
    KnownHostsFile file;

    @BeforeEach
    void write() throws IOException {
        SecureRandom random = new SecureRandom();
        String content = "# leading comment\n"
                + "alpha.example.org,10.0.0.1 " + ALPHA.toOpenSshString() + " alpha key\n"
                + "alpha.example.org " + ECDSA.toOpenSshString() + "\n"
                + "*.wild.org,!evil.wild.org\t" + WILD.toOpenSshString() + "\n"
                + "host? " + RSA.toOpenSshString() + "\n"
                + "[ported.org]:2222 " + PORTED.toOpenSshString() + "\n"
                + "ported.org " + PLAIN22.toOpenSshString() + "\n"
                + HashedHostName.create("hashed.org", random).encode() + " " + HASHED.toOpenSshString() + "\n"
                + HashedHostName.create("[hashed.org]:2022", random).encode() + " " + HASHED_PORT.toOpenSshString() + "\n"
                + "@revoked * " + REVOKED_KEY.toOpenSshString() + "\n"
                + "@cert-authority *.ca.org " + CA.toOpenSshString() + "\n"
                + "\n"
                + "this is not a valid line\n"
                + "bad64.org ssh-ed25519 !!!notbase64\n"
                + "mismatch.org ssh-rsa " + ALPHA.base64() + "\n"
                + "ssh1.org 1024 35 1234567\n"
                + "@bogus bogus.org " + ALPHA.toOpenSshString() + "\n"
                + "|2|abc|def " + ALPHA.toOpenSshString() + "\n"
                + "|1|c2hvcnQ=|c2hvcnQ= " + ALPHA.toOpenSshString() + "\n"
                + "nokey.org ssh-ed25519\n"
                + "   indented.org " + ALPHA.toOpenSshString() + "\n"
                + "crlf.org " + ALPHA.toOpenSshString() + "\r\n"
                + "last.org " + ALPHA.toOpenSshString();
        path = dir.resolve("known_hosts");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        file = KnownHostsFile.load(path);
    }

    @Test
    void plainNamesAndCommaLists() {
        assertEquals(OK, file.check("alpha.example.org", 22, ALPHA));
        assertEquals(OK, file.check("ALPHA.example.org", 22, ALPHA));
        assertEquals(OK, file.check("10.0.0.1", 22, ALPHA));
        assertEquals(CHANGED, file.check("10.0.0.1", 22, OTHER));
        assertEquals(NEW, file.check("beta.example.org", 22, ALPHA));
        assertEquals(OK, file.check("indented.org", 22, ALPHA));
        assertEquals(OK, file.check("crlf.org", 22, ALPHA));
        assertEquals(OK, file.check("last.org", 22, ALPHA));
    }

    @Test
    void changedOnlyForSameKeyType() {
        assertEquals(CHANGED, file.check("alpha.example.org", 22, OTHER));
        assertEquals(OK, file.check("alpha.example.org", 22, ECDSA));
        TestKey otherRsa = TestKey.of("ssh-rsa", 99);
        assertEquals(NEW, file.check("alpha.example.org", 22, otherRsa));
        assertEquals(List.of(ED, "ecdsa-sha2-nistp256"), file.knownKeyTypes("alpha.example.org", 22));
        HostKeyLookup lookup = file.lookup("alpha.example.org", 22, ED, OTHER.blob());
        assertEquals(List.of(2), lookup.evidence().stream().map(KnownHostsEntry::lineNumber).collect(Collectors.toList()));
    }

    @Test
    void rsaSignatureAlgorithmsUseSshRsaKeys() {
        assertEquals(OK, file.check("host1", 22, "rsa-sha2-512", RSA.blob()));
        assertEquals(OK, file.check("host1", 22, "rsa-sha2-256", RSA.blob()));
        assertEquals(CHANGED, file.check("hostx", 22, "rsa-sha2-256", TestKey.of("ssh-rsa", 98).blob()));
    }

    @Test
    void wildcardsAndNegation() {
        assertEquals(OK, file.check("good.wild.org", 22, WILD));
        assertEquals(CHANGED, file.check("good.wild.org", 22, OTHER));
        assertEquals(NEW, file.check("evil.wild.org", 22, WILD));
        assertEquals(List.of(), file.knownKeyTypes("evil.wild.org", 22));
        assertEquals(NEW, file.check("wild.org", 22, WILD));
        assertEquals(OK, file.check("host7", 22, RSA));
        assertEquals(NEW, file.check("host77", 22, RSA));
    }

    @Test
    void portsAreBracketedAndPort22IsPlain() {
        assertEquals(OK, file.check("ported.org", 2222, PORTED));
        assertEquals(CHANGED, file.check("ported.org", 2222, PLAIN22));
        assertEquals(OK, file.check("ported.org", 22, PLAIN22));
        assertEquals(CHANGED, file.check("ported.org", 22, PORTED));
        assertEquals(NEW, file.check("ported.org", 2200, PORTED));
        assertEquals(NEW, file.check("alpha.example.org", 2222, ALPHA));
    }

    @Test
    void hashedEntries() {
        assertEquals(OK, file.check("hashed.org", 22, HASHED));
        assertEquals(OK, file.check("HASHED.org", 22, HASHED));
        assertEquals(CHANGED, file.check("hashed.org", 22, OTHER));
        assertEquals(OK, file.check("hashed.org", 2022, HASHED_PORT));
        assertEquals(CHANGED, file.check("hashed.org", 2022, HASHED));
        assertEquals(NEW, file.check("hashed.org", 2023, HASHED));
        assertEquals(NEW, file.check("hashed.net", 22, HASHED));
    }

    @Test
    void revokedKeysWhateverTheHost() {
        assertEquals(REVOKED, file.check("anything.org", 22, REVOKED_KEY));
        assertEquals(REVOKED, file.check("anything.org", 2222, REVOKED_KEY));
        assertEquals(NEW, file.check("anything.org", 22, TestKey.of("ssh-rsa", 8)));
    }

    @Test
    void certAuthorityLinesAreNotHostKeys() {
        assertEquals(NEW, file.check("www.ca.org", 22, CA));
        assertEquals(NEW, file.check("www.ca.org", 22, OTHER));
        assertEquals(List.of(), file.knownKeyTypes("www.ca.org", 22));
        KnownHostsEntry ca = file.entries().stream().filter(e -> e.marker() == Marker.CERT_AUTHORITY)
                .findFirst().orElseThrow();
        assertEquals("*.ca.org", ca.hostField());
        assertTrue(ca.holdsKey(ED, CA.blob()));
    }

    @Test
    void commentsBlankAndInvalidLinesAreKept() {
        List<KnownHostsLine> lines = file.lines();
        assertEquals(23, lines.size());
        assertEquals(KnownHostsLine.Kind.COMMENT, lines.get(0).kind());
        assertEquals("# leading comment", lines.get(0).text());
        assertEquals(KnownHostsLine.Kind.BLANK, lines.get(11).kind());
        for (int i = 12; i <= 19; i++) {
            assertEquals(KnownHostsLine.Kind.INVALID, lines.get(i).kind(), lines.get(i).text());
            assertFalse(lines.get(i).problem().isEmpty());
        }
        assertEquals("this is not a valid line", lines.get(12).text());
        assertEquals(13, file.entries().size());
        assertEquals("alpha key", file.entries().get(0).comment());
        assertEquals("crlf.org " + ALPHA.toOpenSshString(), lines.get(21).text());
        assertEquals(NEW, file.check("bogus.org", 22, ALPHA));
        assertEquals(NEW, file.check("mismatch.org", 22, ALPHA));
    }

    @Test
    void missingFileIsEmpty() throws IOException {
        KnownHostsFile missing = KnownHostsFile.load(dir.resolve("nope/known_hosts"));
        assertTrue(missing.lines().isEmpty());
        assertEquals(NEW, missing.check("alpha.example.org", 22, ALPHA));
    }

    @Test
    void hashedNameRoundTrip() {
        HashedHostName h = HashedHostName.create("[x.org]:2222", new SecureRandom());
        HashedHostName parsed = HashedHostName.parse(h.encode());
        assertTrue(parsed.matches("[x.org]:2222"));
        assertFalse(parsed.matches("x.org"));
        assertEquals(h.encode(), parsed.encode());
    }
}
