package dev.skiff.ssh.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.transport.kex.ExchangeHash;
import dev.skiff.ssh.transport.kex.KexMethods;
import dev.skiff.ssh.transport.kex.KeyAgreement;
import dev.skiff.ssh.transport.kex.KeyExchangeMethod;
import dev.skiff.ssh.transport.msg.KexDhInit;
import dev.skiff.ssh.transport.msg.KexDhReply;
import dev.skiff.ssh.transport.msg.KexInit;
import dev.skiff.ssh.wire.SshMessages;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * RFC 4253 section 7.1 {@code first_kex_packet_follows}: a hand-driven client sends KEXINIT with a
 * guessed KEX packet to Skiff's server transport. A wrong guess must be ignored; a right guess is
 * the real one. The exchange hash signature in the reply proves the server used the right packet.
 */
class GuessedKexPacketTest {
    private static final String CLIENT_VERSION = "SSH-2.0-GuessingClient_1.0";

    private void exchange(List<String> clientKex, boolean guessRight) throws Exception {
        MemoryPipe toServer = new MemoryPipe();
        MemoryPipe toClient = new MemoryPipe();
        TransportConfig cfg = TransportConfig.builder().kexTimeout(Duration.ofSeconds(10)).build();
        Transport server = Transport.server(MemoryPipe.io(toServer, toClient, "fake-client"), cfg, TransportPair.HOST_KEYS);
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                server.start();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try {
            VersionExchange.send(toServer.out, CLIENT_VERSION);
            String serverVersion = VersionExchange.receive(toClient.in, true).peerVersion();
            PacketCodec codec = new PacketCodec(toClient.in, toServer.out);
            KexInit ours = new KexInit(new byte[16], clientKex, List.of("ssh-ed25519"), List.of("aes128-ctr"),
                    List.of("aes128-ctr"), List.of("hmac-sha2-256"), List.of("hmac-sha2-256"), List.of("none"),
                    List.of("none"), List.of(), List.of(), true, 0, null);
            byte[] kexinit = ours.encode();
            codec.write(kexinit, 0, kexinit.length);

            KeyExchangeMethod guessed = KexMethods.byName(clientKex.get(0)).orElseThrow();
            KeyAgreement guessAgreement = guessed.newAgreement(new SecureRandom());
            byte[] guessValue = guessRight ? guessAgreement.clientValue() : new byte[] {1, 2, 3};
            byte[] guess = new KexDhInit(guessValue).encode();
            codec.write(guess, 0, guess.length);

            byte[] serverKexInitPayload = codec.read();
            KexInit theirs = KexInit.decode(serverKexInitPayload);
            assertEquals(guessRight, NegotiatedAlgorithms.guessIsRight(ours, theirs));
            KeyAgreement agreement = guessAgreement;
            byte[] clientValue = guessValue;
            if (!guessRight) {
                // the real packet for the method both sides agree on
                KeyExchangeMethod real = KexMethods.byName(NegotiatedAlgorithms.negotiate(ours, theirs).kex()).orElseThrow();
                agreement = real.newAgreement(new SecureRandom());
                clientValue = agreement.clientValue();
                byte[] init = new KexDhInit(clientValue).encode();
                codec.write(init, 0, init.length);
            }
            byte[] replyPayload = codec.read();
            assertEquals(SshMessages.KEXDH_REPLY, replyPayload[0], "server answered with KEXDH_REPLY");
            KexDhReply reply = KexDhReply.decode(replyPayload, SshMessages.KEXDH_REPLY);
            byte[] k = agreement.clientSharedSecret(reply.serverValue());
            String digest = KexMethods.byName(NegotiatedAlgorithms.negotiate(ours, theirs).kex()).orElseThrow().digestAlgorithm();
            byte[] h = ExchangeHash.compute(digest, new ExchangeHash.Inputs(CLIENT_VERSION, serverVersion, kexinit,
                    serverKexInitPayload, reply.hostKey(), null, clientValue, reply.serverValue(), k));
            assertTrue(SignatureAlgorithm.SSH_ED25519.verify(SshPublicKey.decode(reply.hostKey()), h, reply.signature()),
                    "the reply is for the packet the server should have used");
        } finally {
            server.close();
            started.handle((v, e) -> null).join();
        }
    }

    @Test
    void wrongGuessIsIgnored() throws Exception {
        // the server prefers mlkem768x25519-sha256; the client guesses ecdh-sha2-nistp256
        exchange(List.of("ecdh-sha2-nistp256", "curve25519-sha256"), false);
    }

    @Test
    void rightGuessIsUsed() throws Exception {
        exchange(List.of("mlkem768x25519-sha256", "curve25519-sha256"), true);
    }
}
