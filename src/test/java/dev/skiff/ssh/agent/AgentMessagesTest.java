package dev.skiff.ssh.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips and malformed input for every agent message record, and the framing. */
class AgentMessagesTest {
    private static final byte[] BLOB = {0, 0, 0, 3, 'f', 'o', 'o'};

    @Test
    void emptyMessagesRoundTrip() throws Exception {
        for (EmptyAgentMessage m : List.of(EmptyAgentMessage.REQUEST_IDENTITIES, EmptyAgentMessage.REMOVE_ALL_IDENTITIES,
                EmptyAgentMessage.SUCCESS, EmptyAgentMessage.FAILURE)) {
            assertEquals(m, EmptyAgentMessage.decode(m.encode(), m.type()));
            assertArrayEquals(new byte[] {(byte) m.type()}, m.encode());
        }
        assertThrows(ProtocolException.class, () -> EmptyAgentMessage.decode(new byte[] {6, 0}, AgentMessages.SUCCESS));
        assertThrows(ProtocolException.class, () -> EmptyAgentMessage.decode(new byte[] {5}, AgentMessages.SUCCESS));
        assertThrows(ProtocolException.class, () -> EmptyAgentMessage.decode(new byte[0], AgentMessages.SUCCESS));
    }

    @Test
    void identitiesAnswerRoundTrips() throws Exception {
        IdentitiesAnswer a = new IdentitiesAnswer(List.of(new IdentitiesAnswer.Entry(BLOB, "alice@host"),
                new IdentitiesAnswer.Entry(new byte[] {1}, "")));
        IdentitiesAnswer back = IdentitiesAnswer.decode(a.encode());
        assertEquals(a, back);
        assertArrayEquals(a.encode(), back.encode());
        assertEquals(List.of(), IdentitiesAnswer.decode(new IdentitiesAnswer(List.of()).encode()).keys());
    }

    @Test
    void identitiesAnswerRejectsHugeCountsTruncationAndTrailingBytes() {
        byte[] huge = new WireWriter().byteValue(AgentMessages.IDENTITIES_ANSWER).uint32(0xffffffffL).toByteArray();
        assertThrows(ProtocolException.class, () -> IdentitiesAnswer.decode(huge));
        byte[] ok = new IdentitiesAnswer(List.of(new IdentitiesAnswer.Entry(BLOB, "c"))).encode();
        assertThrows(ProtocolException.class, () -> IdentitiesAnswer.decode(Arrays.copyOf(ok, ok.length - 1)));
        assertThrows(ProtocolException.class, () -> IdentitiesAnswer.decode(Arrays.copyOf(ok, ok.length + 1)));
        byte[] wrongType = ok.clone();
        wrongType[0] = AgentMessages.SIGN_RESPONSE;
        assertThrows(ProtocolException.class, () -> IdentitiesAnswer.decode(wrongType));
    }

    @Test
    void nonUtf8CommentsAreReplacedNotFatal() throws Exception {
        byte[] payload = new WireWriter().byteValue(AgentMessages.IDENTITIES_ANSWER).uint32(1)
                .string(BLOB).string(new byte[] {'a', (byte) 0xff, 'b'}).toByteArray();
        assertEquals("a\uFFFDb", IdentitiesAnswer.decode(payload).keys().get(0).comment());
    }

    @Test
    void randomMutationsNeverEscapeAsUncheckedExceptions() {
        byte[] good = new IdentitiesAnswer(List.of(new IdentitiesAnswer.Entry(BLOB, "one"),
                new IdentitiesAnswer.Entry(BLOB, "two"))).encode();
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            byte[] bad = Arrays.copyOf(good, random.nextInt(good.length + 8));
            for (int j = random.nextInt(4); j >= 0 && bad.length > 0; j--) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            try {
                IdentitiesAnswer.decode(bad);
                SignResponse.decode(bad);
            } catch (ProtocolException expected) {
                // fine: malformed input is a checked protocol error
            }
        }
    }

    @Test
    void signRequestAndResponseRoundTrip() throws Exception {
        SignRequest req = new SignRequest(BLOB, "data".getBytes(StandardCharsets.UTF_8), AgentMessages.FLAG_RSA_SHA2_512);
        assertEquals(req, SignRequest.decode(req.encode()));
        assertArrayEquals(req.encode(), SignRequest.decode(req.encode()).encode());
        SignRequest highBit = new SignRequest(BLOB, new byte[0], 0x80000000);
        assertEquals(highBit, SignRequest.decode(highBit.encode()));

        byte[] sig = new WireWriter().utf8("rsa-sha2-512").string(new byte[] {1, 2, 3}).toByteArray();
        SignResponse resp = new SignResponse(sig);
        SignResponse back = SignResponse.decode(resp.encode());
        assertEquals(resp, back);
        assertArrayEquals(sig, back.signature());
        assertEquals("rsa-sha2-512", back.algorithm());
        assertThrows(ProtocolException.class, () -> new SignResponse(new byte[] {0, 0, 0, 9, 'x'}).algorithm());
        assertThrows(ProtocolException.class, () -> new SignResponse(Arrays.copyOf(sig, sig.length + 1)).algorithm());
    }

    @Test
    void signFlagsFollowTheAlgorithm() {
        assertEquals(2, SignRequest.flagsFor(SignatureAlgorithm.RSA_SHA2_256));
        assertEquals(4, SignRequest.flagsFor(SignatureAlgorithm.RSA_SHA2_512));
        assertEquals(0, SignRequest.flagsFor(SignatureAlgorithm.SSH_RSA));
        assertEquals(0, SignRequest.flagsFor(SignatureAlgorithm.SSH_ED25519));
        assertEquals(0, SignRequest.flagsFor(SignatureAlgorithm.ECDSA_SHA2_NISTP384));
    }

    @Test
    void removeIdentityAndLockRoundTrip() throws Exception {
        RemoveIdentity r = new RemoveIdentity(BLOB);
        assertEquals(r, RemoveIdentity.decode(r.encode()));
        for (boolean lock : new boolean[] {true, false}) {
            AgentLock l = new AgentLock(lock, "pw".getBytes(StandardCharsets.UTF_8));
            AgentLock back = AgentLock.decode(l.encode());
            assertEquals(lock, back.lock());
            assertArrayEquals(l.encode(), back.encode());
            assertFalse(l.toString().contains("pw"));
            l.wipe();
            assertArrayEquals(new byte[2], l.passphrase());
        }
        assertThrows(ProtocolException.class, () -> AgentLock.decode(r.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"})
    void addIdentityRoundTripsAndHidesTheKey(String keyType) throws Exception {
        SshKeyPair pair = SshKeyGenerator.generate(keyType, keyType.equals("ssh-rsa") ? 1024 : 0);
        AddIdentity add = AddIdentity.of(pair, "comment " + keyType);
        AddIdentity back = AddIdentity.decode(add.encode());
        assertEquals(keyType, back.keyType());
        assertEquals("comment " + keyType, back.comment());
        assertArrayEquals(add.encode(), back.encode());
        assertEquals("AddIdentity[" + keyType + ", comment " + keyType + "]", add.toString());
        byte[] enc = add.encode();
        assertThrows(ProtocolException.class, () -> AddIdentity.decode(Arrays.copyOf(enc, enc.length - 1)));
        assertThrows(ProtocolException.class, () -> AddIdentity.decode(Arrays.copyOf(enc, enc.length + 1)));
        add.wipe();
        assertTrue(allZero(add.privateFields()));
    }

    @Test
    void addIdentityRejectsUnknownKeyTypes() {
        byte[] payload = new WireWriter().byteValue(AgentMessages.ADD_IDENTITY).utf8("ssh-dss").uint32(0).utf8("c").toByteArray();
        assertThrows(ProtocolException.class, () -> AddIdentity.decode(payload));
    }

    @Test
    void framesAreBoundedBeforeAllocation() throws Exception {
        byte[] payload = {AgentMessages.REQUEST_IDENTITIES};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgentFrames.write(out, payload);
        assertArrayEquals(new byte[] {0, 0, 0, 1, 11}, out.toByteArray());
        assertArrayEquals(payload, AgentFrames.read(new ByteArrayInputStream(out.toByteArray()), "test"));
        assertNull(AgentFrames.read(new ByteArrayInputStream(new byte[0]), "test"));
        assertThrows(AgentException.class, () -> AgentFrames.read(stream(0xff, 0xff, 0xff, 0xff), "test"));
        assertThrows(AgentException.class, () -> AgentFrames.read(stream(0, 4, 0, 1), "test"));
        assertThrows(AgentException.class, () -> AgentFrames.read(stream(0, 0, 0, 0), "test"));
        assertThrows(AgentException.class, () -> AgentFrames.read(stream(0, 0), "test"));
        assertThrows(AgentException.class, () -> AgentFrames.read(stream(0, 0, 0, 5, 11), "test"));
        assertEquals(AgentFrames.MAX_MESSAGE_BYTES, AgentFrames.checkLength(AgentFrames.MAX_MESSAGE_BYTES, "test"));
        assertThrows(IllegalArgumentException.class, () -> AgentFrames.frame(new byte[0]));
    }

    private static ByteArrayInputStream stream(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ByteArrayInputStream(b);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
