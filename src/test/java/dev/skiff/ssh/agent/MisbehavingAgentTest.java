package dev.skiff.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgentClient} against fake agents that send oversized lengths, truncated answers, garbage
 * or nothing: every case is an {@link AgentException} within the timeout, never a hang or an
 * unchecked exception.
 */
class MisbehavingAgentTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Far above TIMEOUT, far below "hangs". */
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private FakeAgent fake;
    private AgentClient client;

    private AgentClient clientFor(FakeAgent.Reply... replies) throws Exception {
        fake = FakeAgent.start(dir, replies);
        client = AgentClient.connect(fake.socket(), TIMEOUT);
        return client;
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static AgentException fails(Executable call) {
        return assertTimeoutPreemptively(LIMIT, () -> assertThrows(AgentException.class, call));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void aFourGibibyteLengthIsRejectedBeforeAllocation() throws Exception {
        clientFor(FakeAgent.Reply.hold(bytes(0xff, 0xff, 0xff, 0xff)));
        AgentException e = fails(client::listKeys);
        // the length itself is the reason, not a timeout or an OutOfMemoryError
        assertTrue(e.getMessage().contains("announced an agent message of 4294967295 bytes"), e.getMessage());
    }

    @Test
    void lengthsJustAboveTheLimitAndZeroAreRejected() throws Exception {
        clientFor(FakeAgent.Reply.hold(bytes(0, 4, 0, 1)), FakeAgent.Reply.hold(bytes(0, 0, 0, 0)));
        assertTrue(fails(client::listKeys).getMessage().contains("262145"));
        assertTrue(fails(client::listKeys).getMessage().contains("empty"), "reconnected to the second connection");
    }

    @Test
    void aTruncatedAnswerThenCloseIsAnError() throws Exception {
        clientFor(FakeAgent.Reply.thenClose(bytes(0, 0, 0, 100, AgentMessages.IDENTITIES_ANSWER, 0, 0)));
        assertTrue(fails(client::listKeys).getMessage().contains("middle of an answer"));
    }

    @Test
    void aTruncatedAnswerThatStallsTimesOut() throws Exception {
        clientFor(FakeAgent.Reply.hold(bytes(0, 0, 0, 100, AgentMessages.IDENTITIES_ANSWER, 0, 0)));
        assertTrue(fails(client::listKeys).getMessage().contains("did not respond within 500 ms"));
    }

    @Test
    void anAgentThatNeverAnswersTimesOut() throws Exception {
        clientFor(FakeAgent.Reply.hold(new byte[0]));
        long start = System.nanoTime();
        fails(client::listKeys);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= TIMEOUT.toMillis() - 50 && ms < LIMIT.toMillis(), ms + " ms");
    }

    @Test
    void anAgentThatClosesWithoutAnsweringIsAnError() throws Exception {
        clientFor(FakeAgent.Reply.thenClose(new byte[0]));
        assertTrue(fails(client::listKeys).getMessage().contains("without answering"));
    }

    @Test
    void garbageIsAnError() throws Exception {
        byte[] http = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] hugeCount = new WireWriter().byteValue(AgentMessages.IDENTITIES_ANSWER).uint32(0x7fffffff).toByteArray();
        byte[] trailing = new WireWriter().byteValue(AgentMessages.IDENTITIES_ANSWER).uint32(0).byteValue(0).toByteArray();
        clientFor(FakeAgent.Reply.hold(http), FakeAgent.Reply.frame(hugeCount), FakeAgent.Reply.frame(trailing),
                FakeAgent.Reply.frame(new byte[] {99}));
        fails(client::listKeys);
        assertTrue(fails(client::listKeys).getMessage().startsWith("malformed answer"));
        assertTrue(fails(client::listKeys).getMessage().startsWith("malformed answer"));
        assertTrue(fails(client::listKeys).getMessage().startsWith("malformed answer"));
    }

    @Test
    void undecodableKeysAreSkipped() throws Exception {
        SshKeyPair good = SshKeyGenerator.generate("ssh-ed25519", 0);
        byte[] cert = new WireWriter().utf8("ssh-ed25519-cert-v01@openssh.com").string(new byte[8]).toByteArray();
        byte[] junk = {1, 2, 3};
        IdentitiesAnswer answer = new IdentitiesAnswer(List.of(new IdentitiesAnswer.Entry(cert, "cert"),
                new IdentitiesAnswer.Entry(junk, "junk"), new IdentitiesAnswer.Entry(good.publicKey().blob(), "good")));
        clientFor(FakeAgent.Reply.frame(answer.encode()));
        List<AgentIdentity> keys = assertTimeoutPreemptively(LIMIT, client::listKeys);
        assertEquals(1, keys.size());
        assertEquals("good", keys.get(0).comment());
    }

    @Test
    void aSignatureOfAnotherAlgorithmIsRejected() throws Exception {
        SshKeyPair rsa = SshKeyGenerator.generate("ssh-rsa", 1024);
        byte[] sha1 = SignatureAlgorithm.SSH_RSA.sign(rsa.privateKey(), new byte[] {1});
        clientFor(FakeAgent.Reply.frame(new SignResponse(sha1).encode()), FakeAgent.Reply.frame(new byte[] {AgentMessages.SUCCESS}));
        AgentException e = fails(() -> client.sign(rsa.publicKey(), SignatureAlgorithm.RSA_SHA2_512, new byte[] {1}));
        assertEquals("the SSH agent signed with ssh-rsa when asked for rsa-sha2-512", e.getMessage());
    }

    @Test
    void answersOfTheWrongTypeAreErrorsAndObsoleteFailureCodesAreRefusals() throws Exception {
        SshKeyPair key = SshKeyGenerator.generate("ssh-ed25519", 0);
        clientFor(FakeAgent.Reply.frame(new byte[] {AgentMessages.SUCCESS, 0}), FakeAgent.Reply.frame(new byte[] {AgentMessages.SUCCESS, 0}),
                FakeAgent.Reply.frame(new byte[] {(byte) AgentMessages.SSH_COM_AGENT2_FAILURE}));
        assertTrue(fails(() -> client.sign(key.publicKey(), SignatureAlgorithm.SSH_ED25519, new byte[1])).getMessage().startsWith("malformed"));
        // the fake keeps answering SUCCESS+junk on the same connection
        assertTrue(fails(client::removeAllIdentities).getMessage().startsWith("malformed"));
        fake.close();
        fake = FakeAgent.start(dir, FakeAgent.Reply.frame(new byte[] {(byte) AgentMessages.SSH_COM_AGENT2_FAILURE}));
        try (AgentClient other = AgentClient.connect(fake.socket(), TIMEOUT)) {
            assertEquals("agent refused to remove all keys", assertTimeoutPreemptively(LIMIT,
                    () -> assertThrows(AgentException.class, other::removeAllIdentities)).getMessage());
        }
    }

    @Test
    void noAgentAtThePathIsAnAgentException() {
        assertTimeoutPreemptively(LIMIT, () -> assertThrows(AgentException.class,
                () -> AgentClient.connect(dir.resolve("no-such.sock"), TIMEOUT)));
    }

    @Test
    void anInterruptedCallerGetsAnAgentExceptionAndKeepsItsInterruptStatus() throws Exception {
        clientFor(FakeAgent.Reply.hold(new byte[0]));
        assertTimeoutPreemptively(LIMIT, () -> {
            Thread.currentThread().interrupt();
            try {
                AgentException e = assertThrows(AgentException.class, client::listKeys);
                assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
        });
    }
}
