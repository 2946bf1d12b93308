package dev.skiff.ssh.transport.kex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.security.PrivateKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers from RFC 7748 sections 5.2 and 6.1, through our byte-order conversions. */
class X25519Test {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void rfc7748Section52FirstVector() throws Exception {
        PrivateKey k = X25519.privateKey(hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"));
        byte[] out = X25519.sharedSecret(k, hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
        assertArrayEquals(hex("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"), out);
    }

    @Test
    void rfc7748Section52SecondVectorMasksTheTopBit() throws Exception {
        PrivateKey k = X25519.privateKey(hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"));
        // the u-coordinate's last byte is 0x93: its top bit must be ignored
        byte[] out = X25519.sharedSecret(k, hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"));
        assertArrayEquals(hex("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"), out);
    }

    @Test
    void rfc7748Section61DiffieHellman() throws Exception {
        byte[] alicePub = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        byte[] bobPub = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] k = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        PrivateKey alice = X25519.privateKey(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        PrivateKey bob = X25519.privateKey(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertArrayEquals(k, X25519.sharedSecret(alice, bobPub));
        assertArrayEquals(k, X25519.sharedSecret(bob, alicePub));
        // public values survive decode -> encode unchanged
        assertArrayEquals(alicePub, X25519.encodePublic(X25519.decodePublic(alicePub)));
        assertArrayEquals(bobPub, X25519.encodePublic(X25519.decodePublic(bobPub)));
    }

    @Test
    void lowOrderPointsGiveZeroAndAreRejected() {
        PrivateKey alice = X25519.privateKey(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        for (String u : new String[] {
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> X25519.sharedSecret(alice, hex(u)), u);
            assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        }
    }

    @Test
    void wrongLengthsAreRejected() {
        assertThrows(ProtocolException.class, () -> X25519.decodePublic(new byte[31]));
        assertThrows(ProtocolException.class, () -> X25519.decodePublic(new byte[33]));
        assertThrows(ProtocolException.class, () -> X25519.decodePublic(new byte[0]));
    }
}
