package dev.skiff.ssh.transport.kex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** In-memory client/server agreement for every single-exchange KEX method, and rejection of bad peer values. */
class KexAgreementTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<String> singleExchangeMethods() {
        return KexMethods.supportedNames().stream().filter(n -> !KexMethods.byName(n).orElseThrow().isGroupExchange());
    }

    private static KeyAgreement agreement(String name) {
        return KexMethods.byName(name).orElseThrow().newAgreement(RANDOM);
    }

    @Test
    void defaultOrder() {
        assertEquals(List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com",
                "curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384",
                "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512",
                "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256"), KexMethods.supportedNames());
        assertTrue(KexMethods.byName("diffie-hellman-group1-sha1").isEmpty());
        assertEquals("SHA-384", KexMethods.byName("ecdh-sha2-nistp384").orElseThrow().digestAlgorithm());
        assertEquals("SHA-512", KexMethods.byName("sntrup761x25519-sha512").orElseThrow().digestAlgorithm());
        assertThrows(UnsupportedOperationException.class,
                () -> KexMethods.byName("diffie-hellman-group-exchange-sha256").orElseThrow().newAgreement(RANDOM));
    }

    @ParameterizedTest
    @MethodSource("singleExchangeMethods")
    void clientAndServerAgree(String name) throws Exception {
        KeyAgreement client = agreement(name);
        KeyAgreement server = agreement(name);
        byte[] init = client.clientValue();
        assertArrayEquals(init, client.clientValue(), "clientValue is stable");
        KeyAgreement.ServerReply reply = server.serverReply(init);
        byte[] k = client.clientSharedSecret(reply.serverValue());
        assertArrayEquals(reply.encodedSharedSecret(), k);
        // K is one complete mpint or string field
        WireReader r = new WireReader(k);
        if (name.startsWith("mlkem") || name.startsWith("sntrup")) {
            int expected = name.startsWith("mlkem") ? 32 : 64;
            assertEquals(expected, r.string().length);
        } else {
            assertTrue(r.mpint().signum() > 0);
        }
        r.expectEnd();
        // a second exchange gives a different secret
        KeyAgreement client2 = agreement(name);
        byte[] k2 = client2.clientSharedSecret(agreement(name).serverReply(client2.clientValue()).serverValue());
        assertFalse(Arrays.equals(k, k2));
        client.destroy();
        server.destroy();
    }

    @ParameterizedTest
    @MethodSource("singleExchangeMethods")
    void wrongLengthsAreRejected(String name) throws Exception {
        byte[] init = agreement(name).clientValue();
        if (name.startsWith("diffie-hellman")) {
            // DH values are mpint bodies of any length up to the modulus size: check the bounds only
            expectKexFailure(() -> agreement(name).serverReply(new byte[0]));
            expectKexFailure(() -> agreement(name).serverReply(new byte[init.length + 2]));
            KeyAgreement dhClient = agreement(name);
            dhClient.clientValue();
            expectKexFailure(() -> dhClient.clientSharedSecret(new byte[0]));
            return;
        }
        for (byte[] bad : List.of(new byte[0], Arrays.copyOf(init, init.length - 1), Arrays.copyOf(init, init.length + 1))) {
            expectKexFailure(() -> agreement(name).serverReply(bad));
        }
        KeyAgreement client = agreement(name);
        byte[] reply = agreement(name).serverReply(client.clientValue()).serverValue();
        expectKexFailure(() -> client.clientSharedSecret(Arrays.copyOf(reply, reply.length - 1)));
        expectKexFailure(() -> client.clientSharedSecret(Arrays.copyOf(reply, reply.length + 1)));
        expectKexFailure(() -> client.clientSharedSecret(new byte[0]));
    }

    @ParameterizedTest
    @MethodSource("singleExchangeMethods")
    void garbageIsRejectedOrGivesADifferentSecret(String name) throws Exception {
        KeyAgreement client = agreement(name);
        byte[] init = client.clientValue();
        KeyAgreement.ServerReply reply = agreement(name).serverReply(init);
        byte[] garbage = reply.serverValue().clone();
        garbage[garbage.length / 2] ^= 0x55;
        garbage[garbage.length - 1] ^= 0x01;
        try {
            // KEMs decapsulate garbage to an unrelated secret (implicit rejection); nothing else may happen
            assertFalse(Arrays.equals(reply.encodedSharedSecret(), client.clientSharedSecret(garbage)));
        } catch (ProtocolException e) {
            assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        }
        byte[] ones = new byte[init.length];
        Arrays.fill(ones, (byte) 0xff);
        try {
            agreement(name).serverReply(ones);
            // X25519 reads all-ones as the non-canonical u = 2^255 - 20 (RFC 7748 section 5), sntrup761 keys have no invalid encodings
            assertTrue(name.startsWith("sntrup") || name.startsWith("curve25519"), name + " accepted an all-ones client value");
        } catch (ProtocolException e) {
            assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
        }
    }

    @Test
    void zeroX25519PartOfAHybridValueIsRejected() throws Exception {
        for (String name : List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512", "curve25519-sha256")) {
            byte[] init = agreement(name).clientValue();
            Arrays.fill(init, init.length - 32, init.length, (byte) 0);
            expectKexFailure(() -> agreement(name).serverReply(init));
        }
    }

    @Test
    void mlKemEncapsulationKeyWithUnreducedCoefficientIsRejected() throws Exception {
        byte[] init = agreement("mlkem768x25519-sha256").clientValue();
        assertTrue(MlKem768.coefficientsReduced(init));
        init[0] = (byte) 0xff;
        init[1] = (byte) (init[1] | 0x0f); // first coefficient = 0xfff >= 3329
        assertFalse(MlKem768.coefficientsReduced(init));
        expectKexFailure(() -> agreement("mlkem768x25519-sha256").serverReply(init));
    }

    @Test
    void ecdhPointsOffTheCurveOrMalformedAreRejected() throws Exception {
        byte[] init = agreement("ecdh-sha2-nistp256").clientValue();
        assertEquals(65, init.length);
        byte[] offCurve = init.clone();
        offCurve[64] ^= 1;
        expectKexFailure(() -> agreement("ecdh-sha2-nistp256").serverReply(offCurve));
        byte[] compressedPrefix = init.clone();
        compressedPrefix[0] = 2;
        expectKexFailure(() -> agreement("ecdh-sha2-nistp256").serverReply(compressedPrefix));
        expectKexFailure(() -> agreement("ecdh-sha2-nistp384").serverReply(init));
        assertEquals(97, agreement("ecdh-sha2-nistp384").clientValue().length);
        assertEquals(133, agreement("ecdh-sha2-nistp521").clientValue().length);
    }

    @Test
    void dhValuesOutOfRangeOrNotCanonicalAreRejected() throws Exception {
        DhGroups.Group g = DhGroups.MODP_2048;
        KeyAgreement server = agreement("diffie-hellman-group14-sha256");
        byte[] pMinus1 = g.p().subtract(java.math.BigInteger.ONE).toByteArray();
        for (byte[] bad : List.of(new byte[] {1}, new byte[] {0}, pMinus1, g.p().toByteArray(),
                new byte[] {0, 5}, new byte[] {(byte) 0x85}, new byte[] {-1, -1})) {
            expectKexFailure(() -> agreement("diffie-hellman-group14-sha256").serverReply(bad));
        }
        assertEquals(server.serverReply(new byte[] {2}).encodedSharedSecret().length > 4, true);
    }

    static void expectKexFailure(org.junit.jupiter.api.function.Executable call) {
        ProtocolException e = assertThrows(ProtocolException.class, call);
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
    }
}
