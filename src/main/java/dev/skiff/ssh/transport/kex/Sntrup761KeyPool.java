package dev.skiff.ssh.transport.kex;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;

/**
 * sntrup761 key generation ahead of time. BouncyCastle needs about 60 ms per key pair here, which
 * would add to every handshake with OpenSSH 9.x (where sntrup761 is the preferred KEX). After the
 * first use, one ephemeral key pair is kept ready by a single daemon thread
 * ({@code skiff-sntrup761-keygen}); each pair is handed out once and never reused.
 */
final class Sntrup761KeyPool {
    private static ExecutorService generator;
    private static CompletableFuture<AsymmetricCipherKeyPair> next;

    private Sntrup761KeyPool() {
    }

    static AsymmetricCipherKeyPair take(SecureRandom random) {
        CompletableFuture<AsymmetricCipherKeyPair> ready;
        synchronized (Sntrup761KeyPool.class) {
            ready = next;
            next = CompletableFuture.supplyAsync(() -> generate(new SecureRandom()), executor());
        }
        if (ready != null) {
            try {
                return ready.join();
            } catch (RuntimeException e) {
                // fall through: generate here
            }
        }
        return generate(random);
    }

    private static ExecutorService executor() {
        if (generator == null) {
            generator = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "skiff-sntrup761-keygen");
                t.setDaemon(true);
                return t;
            });
        }
        return generator;
    }

    static AsymmetricCipherKeyPair generate(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator g = new SNTRUPrimeKeyPairGenerator();
        g.init(new SNTRUPrimeKeyGenerationParameters(random, SNTRUPrimeParameters.sntrup761));
        return g.generateKeyPair();
    }
}
