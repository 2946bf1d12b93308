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
}
