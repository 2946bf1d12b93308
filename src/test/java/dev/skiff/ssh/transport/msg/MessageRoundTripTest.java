package dev.skiff.ssh.transport.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every transport message record: encode, decode, encode again gives the same bytes; trailing bytes are refused. */
class MessageRoundTripTest {
    interface Decoder {
        TransportMessage decode(byte[] b) throws ProtocolException;
    }

    private static void roundTrip(TransportMessage m, Decoder d) throws ProtocolException {
        byte[] enc = m.encode();
        TransportMessage back = d.decode(enc);
        assertArrayEquals(enc, back.encode(), m.getClass().getSimpleName());
        byte[] longer = java.util.Arrays.copyOf(enc, enc.length + 1);
        if (!(m instanceof GlobalRequest) && !(m instanceof RequestSuccess)) {
            assertThrows(ProtocolException.class, () -> d.decode(longer), "trailing byte after " + m);
        }
        for (int cut = 1; cut < enc.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(enc, cut);
            try {
                d.decode(shorter);
            } catch (ProtocolException expected) {
                // truncation is always a checked protocol error, never an unchecked exception
            }
        }
    }

    @Test
    void allRecordsRoundTrip() throws Exception {
        roundTrip(new Disconnect(2, "bye", "en"), Disconnect::decode);
        roundTrip(new Ignore(new byte[] {1, 2, 3}), Ignore::decode);
        roundTrip(new Debug(true, "dbg", ""), Debug::decode);
        roundTrip(new Unimplemented(0xffffffffL), Unimplemented::decode);
        roundTrip(new ServiceRequest("ssh-userauth"), ServiceRequest::decode);
        roundTrip(new ServiceAccept("ssh-userauth"), ServiceAccept::decode);
        roundTrip(new NewKeys(), NewKeys::decode);
        roundTrip(new ExtInfo(Map.of("server-sig-algs", "ssh-ed25519,rsa-sha2-512".getBytes())), ExtInfo::decode);
        roundTrip(new GlobalRequest("keepalive@openssh.com", true, new byte[] {9}), GlobalRequest::decode);
        roundTrip(new RequestSuccess(new byte[] {0, 0, 1, 0}), RequestSuccess::decode);
        roundTrip(new RequestFailure(), RequestFailure::decode);
        roundTrip(new KexDhInit(new byte[] {4, 5, 6}), KexDhInit::decode);
        roundTrip(new KexDhReply(31, new byte[] {1}, new byte[] {2}, new byte[] {3}), b -> KexDhReply.decode(b, 31));
        roundTrip(new KexDhReply(33, new byte[] {1}, new byte[] {2}, new byte[] {3}), b -> KexDhReply.decode(b, 33));
        roundTrip(new GexRequest(2048, 3072, 8192), GexRequest::decode);
        roundTrip(new GexGroup(BigInteger.valueOf(23), BigInteger.TWO), GexGroup::decode);
        roundTrip(new GexInit(new byte[] {0x7f}), GexInit::decode);
        roundTrip(KexInit.create(new byte[16], List.of("curve25519-sha256", "ext-info-c"), List.of("ssh-ed25519"),
                List.of("aes128-ctr"), List.of("hmac-sha2-256"), List.of("none")), KexInit::decode);
    }

    @Test
    void kexInitKeepsFieldsAndPayload() throws Exception {
        KexInit k = KexInit.create(new byte[16], List.of("a", "b"), List.of("c"), List.of("d"), List.of("e"), List.of("f"));
        KexInit back = KexInit.decode(k.encode());
        assertEquals(List.of("a", "b"), back.kexAlgorithms());
        assertEquals(List.of("d"), back.ciphersServerToClient());
        assertEquals(List.of(), back.languagesClientToServer());
        assertEquals(false, back.firstKexPacketFollows());
        assertArrayEquals(k.payload(), back.payload());
    }

    @Test
    void wrongMessageIdIsRejected() {
        assertThrows(ProtocolException.class, () -> Ignore.decode(new NewKeys().encode()));
        assertEquals("KEXINIT", SshMessages.name(SshMessages.KEXINIT));
    }

    @Test
    void disconnectWithoutLanguageTagIsAccepted() throws Exception {
        byte[] enc = new dev.skiff.ssh.wire.WireWriter().byteValue(1).uint32(11).utf8("bye").toByteArray();
        assertEquals("bye", Disconnect.decode(enc).description());
    }
}
