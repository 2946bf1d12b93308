package dev.skiff.ssh.userauth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ProtocolException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserauthMessagesTest {
    @Test
    void roundTrips() throws Exception {
        UserauthRequest req = new UserauthRequest("alice", "ssh-connection", "publickey", new byte[] {0, 0, 0, 0, 1});
        UserauthRequest back = UserauthRequest.decode(req.encode());
        assertEquals("alice", back.user());
        assertEquals("publickey", back.method());
        assertArrayEquals(req.encode(), back.encode());

        UserauthFailure f = new UserauthFailure(List.of("publickey", "password"), true);
        assertEquals(f, UserauthFailure.decode(f.encode()));
        UserauthBanner b = new UserauthBanner("Welcome\n", "");
        assertEquals(b, UserauthBanner.decode(b.encode()));
        UserauthPkOk ok = new UserauthPkOk("ssh-ed25519", new byte[] {1, 2});
        assertArrayEquals(ok.encode(), UserauthPkOk.decode(ok.encode()).encode());
    }

    @Test
    void malformedIsAProtocolError() {
        byte[] f = new UserauthFailure(List.of("a"), false).encode();
        assertThrows(ProtocolException.class, () -> UserauthFailure.decode(Arrays.copyOf(f, f.length + 1)));
        assertThrows(ProtocolException.class, () -> UserauthFailure.decode(Arrays.copyOf(f, f.length - 1)));
        assertThrows(ProtocolException.class, () -> UserauthPkOk.decode(f));
    }

    @Test
    void requestToStringHidesMethodFields() {
        UserauthRequest req = new UserauthRequest("bob", "ssh-connection", "password", "secret".getBytes());
        assertFalse(req.toString().contains("secret"));
    }

    @Test
    void passwordChangeRequestRoundTrip() throws Exception {
        UserauthPasswdChangereq m = new UserauthPasswdChangereq("Password expired. New password:", "en");
        assertEquals(m, UserauthPasswdChangereq.decode(m.encode()));
        assertEquals(60, m.encode()[0]);
        byte[] e = m.encode();
        assertThrows(ProtocolException.class, () -> UserauthPasswdChangereq.decode(Arrays.copyOf(e, e.length + 1)));
    }

    @Test
    void infoRequestRoundTrip() throws Exception {
        UserauthInfoRequest m = new UserauthInfoRequest("PAM", "Enter the code\u001b[2J", "",
                List.of(new Prompt("Password: ", false), new Prompt("Code: ", true)));
        UserauthInfoRequest back = UserauthInfoRequest.decode(m.encode());
        assertEquals(m, back);
        assertEquals("Enter the code\u001b[2J", back.instruction(), "control characters are kept raw");
        UserauthInfoRequest empty = new UserauthInfoRequest("", "", "", List.of());
        assertEquals(empty, UserauthInfoRequest.decode(empty.encode()));
    }

    @Test
    void infoRequestPromptCountIsCheckedBeforeAllocating() {
        byte[] huge = new dev.skiff.ssh.wire.WireWriter().byteValue(60).utf8("").utf8("").utf8("").uint32(0x7fffffffL)
                .toByteArray();
        assertThrows(ProtocolException.class, () -> UserauthInfoRequest.decode(huge));
        byte[] tooMany = new dev.skiff.ssh.wire.WireWriter().byteValue(60).utf8("").utf8("").utf8("").uint32(257)
                .raw(new byte[257 * 5]).toByteArray();
        assertThrows(ProtocolException.class, () -> UserauthInfoRequest.decode(tooMany));
        byte[] ok = new UserauthInfoRequest("", "", "", List.of(new Prompt("a", true))).encode();
        assertThrows(ProtocolException.class, () -> UserauthInfoRequest.decode(Arrays.copyOf(ok, ok.length - 1)));
    }

    @Test
    void infoResponseRoundTripHidesAndWipes() throws Exception {
        char[][] answers = {"s3cret-\u00e9".toCharArray(), new char[0]};
        UserauthInfoResponse m = new UserauthInfoResponse(answers);
        byte[] encoded = m.encode();
        UserauthInfoResponse back = UserauthInfoResponse.decode(encoded);
        assertEquals(m, back);
        assertArrayEquals(encoded, back.encode());
        assertFalse(m.toString().contains("s3cret"), m.toString());
        m.wipe();
        assertArrayEquals(new char[8], answers[0]);
        assertArrayEquals(new byte[] {61, 0, 0, 0, 0}, new UserauthInfoResponse(new char[0][]).encode());
        assertThrows(ProtocolException.class, () -> UserauthInfoResponse.decode(Arrays.copyOf(encoded, encoded.length + 1)));
    }

    @Test
    void successRoundTrip() throws Exception {
        assertEquals(new UserauthSuccess(), UserauthSuccess.decode(new UserauthSuccess().encode()));
        assertThrows(ProtocolException.class, () -> UserauthSuccess.decode(new byte[] {52, 0}));
    }

    @Test
    void passwordPayloadHoldsTheSecretsOnlyOnTheWire() throws Exception {
        byte[] p = PasswordAuth.payload("bob", "old".toCharArray(), "new".toCharArray());
        UserauthRequest r = UserauthRequest.decode(p);
        assertEquals("password", r.method());
        dev.skiff.ssh.wire.WireReader fields = new dev.skiff.ssh.wire.WireReader(r.methodFields());
        assertEquals(true, fields.bool());
        assertEquals("old", fields.utf8());
        assertEquals("new", fields.utf8());
        fields.expectEnd();
        assertFalse(r.toString().contains("old"));
        assertFalse(new PasswordChange("old".toCharArray(), "new".toCharArray()).toString().contains("old"));
    }

    @Test
    void visibleControlCharacters() {
        assertEquals("Hi\n^[[31mred^G ^? <U+202E>x\tend\n", UntrustedText.visible("Hi\r\n\u001b[31mred\u0007 \u007f \u202ex\tend\n"));
        assertEquals("<U+009B>", BannerListener.visible("\u009b"));
    }
}
