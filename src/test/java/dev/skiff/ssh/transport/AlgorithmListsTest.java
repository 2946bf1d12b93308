package dev.skiff.ssh.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.NoCommonAlgorithmException;
import dev.skiff.ssh.transport.msg.KexInit;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlgorithmListsTest {
    private static final List<String> D = List.of("a", "b", "c");
    private static final List<String> S = List.of("a", "b", "c", "d", "x-1", "x-2");

    @Test
    void replaceAppendRemovePrepend() {
        assertEquals(List.of("c", "a"), AlgorithmLists.apply("t", D, S, "c,a"));
        assertEquals(List.of("a", "b", "c", "d"), AlgorithmLists.apply("t", D, S, "+d"));
        assertEquals(List.of("a", "b", "c"), AlgorithmLists.apply("t", D, S, "+a"));
        assertEquals(List.of("a", "c"), AlgorithmLists.apply("t", D, S, "-b"));
        assertEquals(List.of("d", "a", "b", "c"), AlgorithmLists.apply("t", D, S, "^d"));
        assertEquals(List.of("c", "a", "b"), AlgorithmLists.apply("t", D, S, "^c"));
        assertEquals(List.of("x-1", "x-2"), AlgorithmLists.apply("t", D, S, "x-*"));
        assertEquals(List.of("c"), AlgorithmLists.apply("t", D, S, "-a,b"));
    }

    @Test
    void errors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlgorithmLists.apply("cipher", D, S, "nope"));
        assertTrue(e.getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class, () -> AlgorithmLists.apply("t", D, S, "-a,b,c"));
        assertThrows(IllegalArgumentException.class, () -> AlgorithmLists.apply("t", D, S, "a,,b"));
    }

    @Test
    void configBuilderUsesOpenSshSyntax() {
        TransportConfig c = TransportConfig.builder().ciphers("aes256-ctr").macs("+hmac-sha1").hostKeyAlgorithms("+ssh-rsa")
                .kexAlgorithms("-mlkem768x25519-sha256").compression("yes").build();
        assertEquals(List.of("aes256-ctr"), c.ciphers());
        assertEquals("hmac-sha1", c.macs().get(c.macs().size() - 1));
        assertTrue(c.hostKeyAlgorithms().contains("ssh-rsa"));
        assertTrue(!c.kexAlgorithms().contains("mlkem768x25519-sha256"));
        assertEquals("zlib@openssh.com", c.compression().get(0));
        assertTrue(!TransportConfig.defaults().hostKeyAlgorithms().contains("ssh-rsa"), "ssh-rsa is opt-in");
        assertTrue(!TransportConfig.defaults().macs().contains("hmac-sha1"), "hmac-sha1 is opt-in");
    }

    private static KexInit init(List<String> kex, List<String> hk, List<String> ciphers, List<String> macs) {
        return KexInit.create(new byte[16], kex, hk, ciphers, macs, List.of("none"));
    }

    @Test
    void negotiationPicksFirstClientAlgorithmTheServerHas() throws Exception {
        KexInit c = init(List.of("curve25519-sha256", "ext-info-c", "kex-strict-c-v00@openssh.com"),
                List.of("ssh-ed25519", "rsa-sha2-512"), List.of("aes128-gcm@openssh.com", "aes128-ctr"),
                List.of("hmac-sha2-256"));
        KexInit s = init(List.of("kex-strict-s-v00@openssh.com", "ecdh-sha2-nistp256", "curve25519-sha256"),
                List.of("rsa-sha2-512"), List.of("aes128-ctr", "aes128-gcm@openssh.com"), List.of("hmac-sha2-512", "hmac-sha2-256"));
        NegotiatedAlgorithms n = NegotiatedAlgorithms.negotiate(c, s);
        assertEquals("curve25519-sha256", n.kex());
        assertEquals("rsa-sha2-512", n.hostKey());
        assertEquals("aes128-gcm@openssh.com", n.cipherClientToServer());
        assertEquals("", n.macClientToServer(), "AEAD cipher: MAC is implicit");
    }

    @Test
    void markersAreNeverNegotiatedAndNoCommonAlgorithmNamesTheCategory() {
        KexInit c = init(List.of("curve25519-sha256", "ext-info-c"), List.of("ssh-ed25519"), List.of("aes128-ctr"), List.of("hmac-sha2-256"));
        KexInit s = init(List.of("ext-info-c", "diffie-hellman-group14-sha256"), List.of("ssh-ed25519"), List.of("aes128-ctr"),
                List.of("hmac-sha2-256"));
        NoCommonAlgorithmException e = assertThrows(NoCommonAlgorithmException.class, () -> NegotiatedAlgorithms.negotiate(c, s));
        assertEquals("key exchange algorithm", e.category());
        KexInit s2 = init(List.of("curve25519-sha256"), List.of("ssh-ed25519"), List.of("aes256-ctr"), List.of("hmac-sha2-256"));
        assertEquals("cipher", assertThrows(NoCommonAlgorithmException.class, () -> NegotiatedAlgorithms.negotiate(c, s2)).category());
    }

    @Test
    void guessIsRightOnlyWhenFirstKexAndHostKeyAgree() {
        KexInit a = init(List.of("k1", "k2"), List.of("h1"), List.of("c"), List.of("m"));
        KexInit b = init(List.of("k1"), List.of("h1", "h2"), List.of("c"), List.of("m"));
        KexInit c = init(List.of("k2", "k1"), List.of("h1"), List.of("c"), List.of("m"));
        assertTrue(NegotiatedAlgorithms.guessIsRight(a, b));
        assertTrue(!NegotiatedAlgorithms.guessIsRight(a, c));
    }
}
