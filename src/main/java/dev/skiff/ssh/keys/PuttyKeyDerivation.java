package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Cipher and MAC keys of PuTTY key files (PuTTY manual appendix C.3 and C.4).
 * <ul>
 * <li>Version 2: AES-256 key = first 32 bytes of {@code SHA-1(0x00000000 || pass) || SHA-1(0x00000001 || pass)},
 *     IV zero; MAC = HMAC-SHA-1 keyed with {@code SHA-1("putty-private-key-file-mac-key" || pass)}
 *     (pass empty when unencrypted).</li>
 * <li>Version 3: Argon2 (type, memory, passes, parallelism, salt from the file) produces 80 bytes:
 *     AES-256 key, IV, HMAC-SHA-256 key; unencrypted files use an empty MAC key.</li>
 * </ul>
 * One instance per unlock; {@link #wipe()} clears the keys.
 */
final class PuttyKeyDerivation {
    /** Largest Argon2 memory accepted from a file, in KiB (256 MiB; PuTTY's default is 8 MiB). */
    static final int MAX_MEMORY_KIB = 1 << 18;
    private final byte[] cipherKey;
    private final byte[] iv;
    private final byte[] macKey;
    private final boolean sha256;

    private PuttyKeyDerivation(byte[] cipherKey, byte[] iv, byte[] macKey, boolean sha256) {
        this.cipherKey = cipherKey;
        this.iv = iv;
        this.macKey = macKey;
        this.sha256 = sha256;
    }

    /** Argon2 parameters from the file, bounded so that a hostile file cannot exhaust memory or time. */
    record Argon2Params(int type, int memoryKib, int passes, int parallelism, byte[] salt) {
        static Argon2Params read(PuttyText t) throws KeyFormatException {
            int type = switch (t.field("Key-Derivation")) {
                case "Argon2id" -> Argon2Parameters.ARGON2_id;
                case "Argon2i" -> Argon2Parameters.ARGON2_i;
                case "Argon2d" -> Argon2Parameters.ARGON2_d;
                default -> throw new KeyFormatException("unsupported PuTTY key derivation " + t.value());
            };
            int memory = t.intField("Argon2-Memory", MAX_MEMORY_KIB);
            int passes = t.intField("Argon2-Passes", 1 << 12);
            int parallelism = t.intField("Argon2-Parallelism", 64);
            byte[] salt = t.hex("Argon2-Salt");
            if (memory < 8 * parallelism || passes < 1 || parallelism < 1 || salt.length < 8) {
                throw new KeyFormatException("invalid Argon2 parameters in PuTTY key file");
            }
            return new Argon2Params(type, memory, passes, parallelism, salt);
        }
    }

    static PuttyKeyDerivation v2(byte[] pass, boolean encrypted) {
        byte[] key = null;
        if (encrypted) {
            byte[] k = new byte[40];
            for (int i = 0; i < 2; i++) {
                SHA1Digest d = new SHA1Digest();
                d.update(new byte[] {0, 0, 0, (byte) i}, 0, 4);
                d.update(pass, 0, pass.length);
                d.doFinal(k, 20 * i);
            }
            key = Arrays.copyOf(k, 32);
            Arrays.fill(k, (byte) 0);
        }
        SHA1Digest d = new SHA1Digest();
        byte[] label = "putty-private-key-file-mac-key".getBytes(StandardCharsets.US_ASCII);
        d.update(label, 0, label.length);
        d.update(pass, 0, pass.length);
        byte[] macKey = new byte[20];
        d.doFinal(macKey, 0);
        return new PuttyKeyDerivation(key, new byte[16], macKey, false);
    }

    /** @param params null when the file is not encrypted */
    static PuttyKeyDerivation v3(byte[] pass, Argon2Params params) {
        if (params == null) {
            return new PuttyKeyDerivation(null, null, new byte[0], true);
        }
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(params.type()).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib()).withIterations(params.passes())
                .withParallelism(params.parallelism()).withSalt(params.salt()).build());
        byte[] out = new byte[80];
        gen.generateBytes(pass, out);
        PuttyKeyDerivation k = new PuttyKeyDerivation(Arrays.copyOf(out, 32), Arrays.copyOfRange(out, 32, 48),
                Arrays.copyOfRange(out, 48, 80), true);
        Arrays.fill(out, (byte) 0);
        return k;
    }

    byte[] decrypt(byte[] data) throws KeyFormatException {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cipherKey, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("aes256-cbc unavailable: " + e.getMessage(), e);
        }
    }

    byte[] mac(byte[] data) {
        Digest digest = sha256 ? new SHA256Digest() : new SHA1Digest();
        HMac hmac = new HMac(digest);
        hmac.init(new KeyParameter(macKey));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    void wipe() {
        for (byte[] b : new byte[][] {cipherKey, iv, macKey}) {
            if (b != null) {
                Arrays.fill(b, (byte) 0);
            }
        }
    }
}
