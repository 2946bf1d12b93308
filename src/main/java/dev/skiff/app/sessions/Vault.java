package dev.skiff.app.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Encrypted store for passwords and key passphrases ({@code vault.json}). The key is derived from
 * a master password with Argon2id and the secrets are sealed with AES-256-GCM (a fresh nonce per
 * write, the KDF header as associated data). Create or unlock it once per app run; it stays
 * unlocked until {@link #lock()}. Secrets are kept as byte arrays, handed out as {@code char[]}
 * copies the caller should wipe, and never appear in {@code toString} or logs.
 *
 * <p>Thread-safe. {@link #create} and {@link #unlock} run Argon2 (about a second): call them from a
 * worker, never the FX thread. {@code put}/{@code remove} write the file synchronously (small).
 */
public final class Vault {
    /**
     * Argon2id cost.
     *
     * @param memoryKiB memory in KiB
     * @param iterations passes
     * @param parallelism lanes
     */
    public record KdfParams(int memoryKiB, int iterations, int parallelism) {
        /** OWASP's recommended Argon2id setting (64 MiB, 3 passes). */
        public static final KdfParams DEFAULT = new KdfParams(64 * 1024, 3, 1);
    }

    private static final int KEY_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 64;

    private final Path file;
    private final KdfParams params;
    private final SecureRandom random = new SecureRandom();
    private VaultFile header;
    private byte[] key;
    private Map<String, byte[]> secrets;

    /** A vault at the given file with the default cost for new vaults. */
    public Vault(Path file) {
        this(file, KdfParams.DEFAULT);
    }

    /** A vault at the given file; {@code newVaultParams} is used by {@link #create} only. */
    public Vault(Path file, KdfParams newVaultParams) {
        this.file = file;
        this.params = newVaultParams;
    }

    /** The vault in the config directory ({@code vault.json}). */
    public static Vault open(AppDirs dirs) {
        return new Vault(dirs.vaultFile());
    }

    /** Whether a vault file exists (then {@link #unlock}, else {@link #create}). */
    public boolean exists() {
        return Files.exists(file);
    }

    /** Whether the vault is open in this run. */
    public synchronized boolean isUnlocked() {
        return key != null;
    }

    /**
     * Creates a new, empty vault protected by {@code master} and leaves it unlocked. The caller
     * wipes {@code master}.
     *
     * @throws VaultException if a vault exists already or cannot be written
     */
    public synchronized void create(char[] master) throws VaultException {
        if (exists()) {
            throw new VaultException("A vault exists already at " + file);
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        VaultFile h = new VaultFile(VaultFile.CURRENT_VERSION, "argon2id", params.memoryKiB(), params.iterations(),
                params.parallelism(), Base64.getEncoder().encodeToString(salt), "", "");
        byte[] k = derive(master, h);
        header = h;
        key = k;
        secrets = new LinkedHashMap<>();
        persist();
    }

    /**
     * Opens the existing vault. The caller wipes {@code master}.
     *
     * @throws VaultException.WrongMasterPasswordException if {@code master} is wrong
     * @throws VaultException if the file is missing, damaged or unreadable
     */
    public synchronized void unlock(char[] master) throws VaultException {
        VaultFile h;
        try {
            h = Json.MAPPER.readValue(Files.readAllBytes(file), VaultFile.class);
        } catch (IOException e) {
            throw new VaultException("Cannot read the vault " + file + ": " + e.getMessage(), e);
        }
        if (h.version() > VaultFile.CURRENT_VERSION || !"argon2id".equals(h.kdf())) {
            throw new VaultException("The vault " + file + " was written by a newer version of Skiff");
        }
        if (h.memoryKiB() > MAX_MEMORY_KIB || h.iterations() > MAX_ITERATIONS || h.parallelism() > MAX_PARALLELISM) {
            throw new VaultException("The vault " + file + " asks for an unreasonable key derivation cost");
        }
        byte[] k = new byte[0];
        byte[] plain = null;
        try {
            k = derive(master, h);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"),
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(h.nonce())));
            c.updateAAD(h.associatedData());
            plain = c.doFinal(Base64.getDecoder().decode(h.ciphertext()));
            secrets = VaultCodec.decode(plain);
            header = h;
            key = k;
        } catch (AEADBadTagException e) {
            Arrays.fill(k, (byte) 0);
            throw new VaultException.WrongMasterPasswordException();
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            Arrays.fill(k, (byte) 0);
            throw new VaultException("The vault " + file + " is damaged", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** Saves a secret under {@code secretId} (copied; the caller wipes its array). */
    public synchronized void put(String secretId, char[] secret) throws VaultException {
        requireUnlocked();
        byte[] old = secrets.put(secretId, VaultCodec.utf8(secret));
        wipe(old);
        persist();
    }

    /** A copy of the secret, which the caller should wipe after use. */
    public synchronized Optional<char[]> get(String secretId) throws VaultException {
        requireUnlocked();
        byte[] s = secrets.get(secretId);
        return s == null ? Optional.empty() : Optional.of(VaultCodec.chars(s));
    }

    /** Whether a secret is stored under {@code secretId}. */
    public synchronized boolean contains(String secretId) throws VaultException {
        requireUnlocked();
        return secrets.containsKey(secretId);
    }

    /** Deletes a secret; returns whether there was one. */
    public synchronized boolean remove(String secretId) throws VaultException {
        requireUnlocked();
        byte[] old = secrets.remove(secretId);
        if (old == null) {
            return false;
        }
        wipe(old);
        persist();
        return true;
    }

    /** Forgets the key and the decrypted secrets (wiped). */
    public synchronized void lock() {
        if (secrets != null) {
            secrets.values().forEach(Vault::wipe);
            secrets = null;
        }
        wipe(key);
        key = null;
    }

    private void requireUnlocked() throws VaultException {
        if (key == null) {
            throw new VaultException("The vault is locked");
        }
    }

    private void persist() throws VaultException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = VaultCodec.encode(secrets);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(header.associatedData());
            byte[] ct = c.doFinal(plain);
            Base64.Encoder b64 = Base64.getEncoder();
            header = new VaultFile(header.version(), header.kdf(), header.memoryKiB(), header.iterations(),
                    header.parallelism(), header.salt(), b64.encodeToString(nonce), b64.encodeToString(ct));
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(header));
        } catch (GeneralSecurityException | IOException e) {
            throw new VaultException("Cannot write the vault " + file + ": " + e.getMessage(), e);
        } finally {
            wipe(plain);
        }
    }

    private static byte[] derive(char[] master, VaultFile h) {
        Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(Base64.getDecoder().decode(h.salt()))
                .withMemoryAsKB(h.memoryKiB())
                .withIterations(h.iterations())
                .withParallelism(h.parallelism())
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(p);
        byte[] pw = VaultCodec.utf8(master);
        byte[] out = new byte[KEY_BYTES];
        try {
            gen.generateBytes(pw, out);
        } finally {
            wipe(pw);
        }
        return out;
    }

    private static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Vault[" + file + (isUnlocked() ? ", unlocked" : ", locked") + "]";
    }
}
