package dev.skiff.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgentForwarder} between piped streams (standing in for the forwarding channel) and a real
 * ssh-agent, or a fake one that misbehaves.
 */
class AgentForwarderTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "agent-forwarder-test");
        t.setDaemon(true);
        return t;
    });
    /** What the "server" writes into the channel, and what the forwarder reads. */
    private PipedOutputStream serverWrites;
    private PipedInputStream fromChannel;
    /** What the forwarder writes back, as the "server" reads it. */
    private PipedOutputStream toChannel;
    private PipedInputStream serverReads;

    @BeforeEach
    void pipes() throws IOException {
        fromChannel = new PipedInputStream(64 * 1024);
        serverWrites = new PipedOutputStream(fromChannel);
        serverReads = new PipedInputStream(AgentFrames.MAX_MESSAGE_BYTES + 4);
        toChannel = new PipedOutputStream(serverReads);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Future<AgentForwarder.Outcome> relay(AgentForwarder forwarder) {
        return executor.submit(() -> forwarder.relay(fromChannel, toChannel));
    }

    private byte[] roundTrip(byte[] request) throws IOException {
        byte[] frame = AgentFrames.frame(request);
        serverWrites.write(frame, 0, 3);
        serverWrites.flush();
        serverWrites.write(frame, 3, frame.length - 3);
        serverWrites.flush();
        return AgentFrames.read(serverReads, "forwarder");
    }

    @Test
    void relaysListAndSignToARealAgentAndStopsOnChannelEof() throws Exception {
        try (RealAgent agent = RealAgent.start(dir)) {
            Path key = RealAgent.keygen(dir, "id_ecdsa", "ecdsa", 384, "forwarded key");
            agent.sshAdd(key.toString());
            AgentForwarder forwarder = AgentForwarder.connect(agent.socket(), LIMIT);
            Future<AgentForwarder.Outcome> outcome = relay(forwarder);
            assertTimeoutPreemptively(LIMIT, () -> {
                IdentitiesAnswer answer = IdentitiesAnswer.decode(roundTrip(EmptyAgentMessage.REQUEST_IDENTITIES.encode()));
                assertEquals(1, answer.keys().size());
                assertEquals("forwarded key", answer.keys().get(0).comment());
                assertEquals(agent.list().get(0).fingerprint(), SshPublicKey.decode(answer.keys().get(0).blob()).sha256Fingerprint());

                SshPublicKey pub = SshPublicKey.decode(answer.keys().get(0).blob());
                byte[] data = {4, 5, 6};
                SignResponse signed = SignResponse.decode(roundTrip(new SignRequest(pub.blob(), data, 0).encode()));
                assertTrue(SignatureAlgorithm.ECDSA_SHA2_NISTP384.verify(pub, data, signed.signature()));

                serverWrites.close();
                assertEquals(AgentForwarder.Outcome.CHANNEL_EOF, outcome.get());
                assertEquals(2, forwarder.relayedCount());
            });
        }
    }

    @Test
    void relaysAddIdentitySoTheKeyReachesTheRealAgent() throws Exception {
        try (RealAgent agent = RealAgent.start(dir)) {
            AgentForwarder forwarder = AgentForwarder.connect(agent.socket(), LIMIT);
            Future<AgentForwarder.Outcome> outcome = relay(forwarder);
            SshKeyPair pair = SshKeyGenerator.generate("ssh-ed25519", 0);
            assertTimeoutPreemptively(LIMIT, () -> {
                byte[] answer = roundTrip(AddIdentity.of(pair, "via forwarding").encode());
                assertArrayEquals(new byte[] {AgentMessages.SUCCESS}, answer);
                assertEquals(List.of(new RealAgent.Listed(256, pair.publicKey().sha256Fingerprint(), "via forwarding", "ED25519")),
                        agent.list());
                forwarder.close();
                serverWrites.close();
                assertEquals(AgentForwarder.Outcome.CLOSED, outcome.get());
            });
        }
    }

    @Test
    void anAgentThatGoesAwayGetsAFailureAnswerAndStopsTheRelay() throws Exception {
        try (FakeAgent fake = FakeAgent.start(dir, FakeAgent.Reply.thenClose(new byte[0]))) {
            AgentForwarder forwarder = AgentForwarder.connect(fake.socket(), LIMIT);
            Future<AgentForwarder.Outcome> outcome = relay(forwarder);
            assertTimeoutPreemptively(LIMIT, () -> {
                assertArrayEquals(new byte[] {AgentMessages.FAILURE}, roundTrip(EmptyAgentMessage.REQUEST_IDENTITIES.encode()));
                assertEquals(AgentForwarder.Outcome.AGENT_GONE, outcome.get());
            });
        }
    }

    @Test
    void aSilentAgentTimesOutIntoAFailureAnswer() throws Exception {
        try (FakeAgent fake = FakeAgent.start(dir, FakeAgent.Reply.hold(new byte[0]))) {
            AgentForwarder forwarder = AgentForwarder.connect(fake.socket(), Duration.ofMillis(300));
            Future<AgentForwarder.Outcome> outcome = relay(forwarder);
            assertTimeoutPreemptively(LIMIT, () -> {
                assertArrayEquals(new byte[] {AgentMessages.FAILURE}, roundTrip(EmptyAgentMessage.REQUEST_IDENTITIES.encode()));
                assertEquals(AgentForwarder.Outcome.AGENT_GONE, outcome.get());
            });
        }
    }

    @Test
    void anOversizedFrameFromTheChannelIsAnAgentException() throws Exception {
        try (FakeAgent fake = FakeAgent.start(dir, FakeAgent.Reply.hold(new byte[0]))) {
            Future<AgentForwarder.Outcome> outcome = relay(AgentForwarder.connect(fake.socket(), LIMIT));
            serverWrites.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 11});
            serverWrites.flush();
            ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
            assertInstanceOf(AgentException.class, e.getCause());
        }
    }

    @Test
    void aChannelEndingInsideAFrameIsAnAgentException() throws Exception {
        try (FakeAgent fake = FakeAgent.start(dir, FakeAgent.Reply.hold(new byte[0]))) {
            Future<AgentForwarder.Outcome> outcome = relay(AgentForwarder.connect(fake.socket(), LIMIT));
            serverWrites.write(new byte[] {0, 0, 0, 100, 11, 0});
            serverWrites.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
            assertInstanceOf(AgentException.class, e.getCause());
            assertEquals(0, serverReads.available(), "nothing was answered");
        }
    }

    @Test
    void closeDuringAnAgentExchangeEndsTheRelay() throws Exception {
        try (FakeAgent fake = FakeAgent.start(dir, FakeAgent.Reply.hold(new byte[0]))) {
            AgentForwarder forwarder = AgentForwarder.connect(fake.socket(), LIMIT);
            Future<AgentForwarder.Outcome> outcome = relay(forwarder);
            serverWrites.write(AgentFrames.frame(EmptyAgentMessage.REQUEST_IDENTITIES.encode()));
            serverWrites.flush();
            Thread.sleep(200);
            forwarder.close();
            assertEquals(AgentForwarder.Outcome.CLOSED, outcome.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void noLocalAgentMeansTheChannelIsRefused() {
        assertThrows(AgentException.class, () -> AgentForwarder.connect(dir.resolve("absent.sock"), LIMIT));
    }
}
