package dev.skiff.bench;

/*
 * Sealing speed of chacha20-poly1305@openssh.com for 32 KiB packets, per building block choice.
 * Scores are MB/s (bytes per microsecond, thanks to @OperationsPerInvocation).
 *
 * Run (from the worktree root; the production classes are needed too, hence target/classes):
 *
 *   mvn -B -q -o test-compile
 *   mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ChaChaPoly
 *
 * Variants:
 *   bcEngines            BouncyCastle ChaCha7539Engine + BouncyCastle Poly1305
 *   jdkChaChaBcPoly      JDK "ChaCha20" Cipher + BouncyCastle Poly1305
 *   jdkChaChaSkiffPoly   JDK "ChaCha20" Cipher + Skiff Poly1305
 *   production           PacketProtections.create(CHACHA20_POLY1305, ...).seal (what Skiff ships)
 *   polyBc / polySkiff   Poly1305 alone;  chachaJdk / chachaBc   ChaCha20 alone
 */

import dev.skiff.ssh.transport.crypto.CipherAlgorithm;
import dev.skiff.ssh.transport.crypto.PacketProtection;
import dev.skiff.ssh.transport.crypto.PacketProtections;
import dev.skiff.ssh.transport.crypto.Poly1305Handle;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChaChaPolyBenchmark {
    static final int PACKET = 32 * 1024;

    private final byte[] key = new byte[64];
    private final byte[] buf = new byte[PACKET + 16];
    private final byte[] nonce = new byte[12];
    private final byte[] block0 = new byte[64];
    private final byte[] zeros = new byte[64];
    private int seq;

    private SecretKeySpec mainKey;
    private SecretKeySpec lengthKey;
    private Cipher jdkMain;
    private Cipher jdkHeader;
    private final ChaCha7539Engine bcMain = new ChaCha7539Engine();
    private final ChaCha7539Engine bcHeader = new ChaCha7539Engine();
    private final Poly1305 bcPoly = new Poly1305();
    private final Poly1305Handle skiffPoly = new Poly1305Handle();
    private PacketProtection production;

    @Setup
    public void setUp() throws Exception {
        Random rnd = new Random(1);
        rnd.nextBytes(key);
        rnd.nextBytes(buf);
        buf[0] = 0;
        buf[1] = 0;
        buf[2] = (byte) ((PACKET - 4) >>> 8);
        buf[3] = (byte) (PACKET - 4);
        mainKey = new SecretKeySpec(key, 0, 32, "ChaCha20");
        lengthKey = new SecretKeySpec(key, 32, 32, "ChaCha20");
        jdkMain = Cipher.getInstance("ChaCha20");
        jdkHeader = Cipher.getInstance("ChaCha20");
        production = PacketProtections.create(CipherAlgorithm.CHACHA20_POLY1305, null, key, new byte[0], null, true);
    }

    private void nextNonce() {
        int s = seq++;
        nonce[8] = (byte) (s >>> 24);
        nonce[9] = (byte) (s >>> 16);
        nonce[10] = (byte) (s >>> 8);
        nonce[11] = (byte) s;
    }

    private void jdkChaCha() throws Exception {
        nextNonce();
        jdkMain.init(Cipher.DECRYPT_MODE, mainKey, new ChaCha20ParameterSpec(nonce, 0));
        jdkMain.update(zeros, 0, 64, block0, 0);
        jdkMain.update(buf, 4, PACKET - 4, buf, 4);
        jdkHeader.init(Cipher.DECRYPT_MODE, lengthKey, new ChaCha20ParameterSpec(nonce, 0));
        jdkHeader.update(buf, 0, 4, buf, 0);
    }

    private void bcPolyTag() {
        bcPoly.init(new KeyParameter(block0, 0, 32));
        bcPoly.update(buf, 0, PACKET);
        bcPoly.doFinal(buf, PACKET);
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] bcEngines() {
        nextNonce();
        bcMain.init(true, new ParametersWithIV(new KeyParameter(key, 0, 32), nonce));
        bcMain.processBytes(zeros, 0, 64, block0, 0);
        bcMain.processBytes(buf, 4, PACKET - 4, buf, 4);
        bcHeader.init(true, new ParametersWithIV(new KeyParameter(key, 32, 32), nonce));
        bcHeader.processBytes(buf, 0, 4, buf, 0);
        bcPolyTag();
        return buf;
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] jdkChaChaBcPoly() throws Exception {
        jdkChaCha();
        bcPolyTag();
        return buf;
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] jdkChaChaSkiffPoly() throws Exception {
        jdkChaCha();
        skiffPoly.mac(block0, 0, buf, 0, PACKET, buf, PACKET);
        return buf;
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] production() {
        production.seal(seq++, buf, 0, PACKET);
        return buf;
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] polyBc() {
        bcPolyTag();
        return buf;
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] polySkiff() {
        skiffPoly.mac(block0, 0, buf, 0, PACKET, buf, PACKET);
        return buf;
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] chachaJdk() throws Exception {
        nextNonce();
        jdkMain.init(Cipher.DECRYPT_MODE, mainKey, new ChaCha20ParameterSpec(nonce, 0));
        jdkMain.update(buf, 0, PACKET, buf, 0);
        return buf;
    }

    @Benchmark
    @OperationsPerInvocation(PACKET)
    public byte[] chachaBc() {
        nextNonce();
        bcMain.init(true, new ParametersWithIV(new KeyParameter(key, 0, 32), nonce));
        bcMain.processBytes(buf, 0, PACKET, buf, 0);
        return buf;
    }
}
