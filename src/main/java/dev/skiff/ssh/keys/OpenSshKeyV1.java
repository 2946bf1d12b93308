package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The openssh-key-v1 private key format (OpenSSH {@code PROTOCOL.key}), armored as
 * {@code OPENSSH PRIVATE KEY}:
 * <pre>
 * "openssh-key-v1" 0x00
 * string ciphername, string kdfname, string kdfoptions (bcrypt: string salt, uint32 rounds)
 * uint32 number of keys (1), string public key blob
 * string private section, encrypted; followed by the AEAD tag for -gcm and chacha20-poly1305
 * private section: uint32 checkint, uint32 checkint, key (see {@link OpenSshPrivateSection}),
 *                  padding 1, 2, 3, ... to the cipher block size
 * </pre>
 * Different checkints after decryption mean a wrong passphrase.
 */
final class OpenSshKeyV1 implements LockedKey {
    static final String LABEL = "OPENSSH PRIVATE KEY";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;

    private final KeyFileCipher cipher;
    private final byte[] salt;
    private final int rounds;
    private final SshPublicKey publicKey;
    private final byte[] encrypted;

    private OpenSshKeyV1(KeyFileCipher cipher, byte[] salt, int rounds, SshPublicKey publicKey, byte[] encrypted) {
        this.cipher = cipher;
        this.salt = salt;
        this.rounds = rounds;
        this.publicKey = publicKey;
        this.encrypted = encrypted;
    }

    /** Parses the outer (unencrypted) structure of the decoded base64 contents. */
    static OpenSshKeyV1 parse(byte[] data) throws KeyFormatException {
        try {
            WireReader r = new WireReader(data);
            if (!Arrays.equals(r.rawBytes(MAGIC.length), MAGIC)) {
                throw new KeyFormatException("not an openssh-key-v1 file");
            }
            String cipherName = r.ascii();
            KeyFileCipher cipher = KeyFileCipher.byName(cipherName)
                    .orElseThrow(() -> new KeyFormatException("unsupported key file cipher " + cipherName));
            String kdf = r.ascii();
            WireReader kdfOptions = new WireReader(r.string());
            byte[] salt = null;
            int rounds = 0;
            if (kdf.equals("bcrypt") && cipher != KeyFileCipher.NONE) {
                salt = kdfOptions.string();
                rounds = kdfOptions.uint32AsInt("bcrypt rounds");
                if (salt.length == 0 || salt.length > 1024 || rounds < 1 || rounds > BcryptPbkdf.MAX_ROUNDS) {
                    throw new KeyFormatException("unsupported bcrypt parameters");
                }
            } else if (!kdf.equals("none") || cipher != KeyFileCipher.NONE) {
                throw new KeyFormatException("unsupported key file kdf " + kdf + " with cipher " + cipherName);
            }
            kdfOptions.expectEnd();
            if (r.uint32() != 1) {
                throw new KeyFormatException("openssh-key-v1 files with more than one key are not supported");
            }
            SshPublicKey pub = PublicKeys.decode(r.string());
            byte[] enc = r.string();
            byte[] tag = r.rawBytes(cipher.tagBytes());
            r.expectEnd();
            if (enc.length < cipher.blockSize() || enc.length % cipher.blockSize() != 0) {
                throw new KeyFormatException("private section length " + enc.length + " is not a multiple of the block size");
            }
            byte[] sealed = Arrays.copyOf(enc, enc.length + tag.length);
            System.arraycopy(tag, 0, sealed, enc.length, tag.length);
            return new OpenSshKeyV1(cipher, salt, rounds, pub, sealed);
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed openssh-key-v1 file: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean encrypted() {
        return cipher != KeyFileCipher.NONE;
    }

    @Override
    public SshPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public SshKeyPair unlock(char[] passphrase) throws KeyFormatException {
        byte[] plain = encrypted;
        if (encrypted()) {
            byte[] keyIv = deriveKey(passphrase, salt, rounds, cipher);
            plain = cipher.decrypt(keyIv, encrypted);
            Passphrases.wipe(keyIv);
            if (plain == null) {
                throw new WrongPassphraseException("incorrect passphrase (authentication tag mismatch)");
            }
        }
        try {
            WireReader r = new WireReader(plain);
            if (r.uint32() != r.uint32()) {
                throw new WrongPassphraseException("incorrect passphrase (check values differ)");
            }
            SshKeyPair pair = OpenSshPrivateSection.read(r);
            for (int pad = 1; r.remaining() > 0; pad++) {
                if (r.byteValue() != (pad & 0xff)) {
                    throw new KeyFormatException("invalid padding in the private section");
                }
            }
            if (!pair.publicKey().equals(publicKey)) {
                throw new KeyFormatException("public and private key in the file do not match");
            }
            return pair;
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed private section: " + e.getMessage(), e);
        } finally {
            if (plain != encrypted) {
                Passphrases.wipe(plain);
            }
        }
    }

    private static byte[] deriveKey(char[] passphrase, byte[] salt, int rounds, KeyFileCipher cipher) {
        byte[] pass = Passphrases.utf8(passphrase);
        try {
            return BcryptPbkdf.derive(pass, salt, rounds, cipher.keyBytes() + cipher.ivBytes());
        } finally {
            Passphrases.wipe(pass);
        }
    }

    /**
     * Encodes a key pair as an armored openssh-key-v1 file.
     *
     * @param passphrase null or empty: unencrypted; else bcrypt with {@code rounds} and {@code cipher}
     */
    static String encode(SshKeyPair pair, char[] passphrase, KeyFileCipher cipher, int rounds) throws KeyFormatException {
        boolean encrypt = passphrase != null && passphrase.length > 0;
        KeyFileCipher c = encrypt ? cipher : KeyFileCipher.NONE;
        SecureRandom random = new SecureRandom();
        WireWriter section = new WireWriter(4096);
        int check = random.nextInt();
        section.uint32(check & 0xffffffffL).uint32(check & 0xffffffffL);
        OpenSshPrivateSection.write(section, pair);
        for (int pad = 1; section.length() % c.blockSize() != 0; pad++) {
            section.byteValue(pad);
        }
        byte[] plain = section.toByteArray();
        section.wipe();
        WireWriter kdfOptions = new WireWriter(32);
        byte[] sealed = plain;
        if (encrypt) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            kdfOptions.string(salt).uint32(rounds);
            byte[] keyIv = deriveKey(passphrase, salt, rounds, c);
            sealed = c.encrypt(keyIv, plain);
            Passphrases.wipe(keyIv);
            Passphrases.wipe(plain);
        }
        int encLen = sealed.length - c.tagBytes();
        WireWriter out = new WireWriter(sealed.length + 1024).raw(MAGIC).utf8(c.wireName())
                .utf8(encrypt ? "bcrypt" : "none").string(kdfOptions.toByteArray()).uint32(1)
                .string(pair.publicKey().blob()).string(sealed, 0, encLen).raw(sealed, encLen, c.tagBytes());
        Passphrases.wipe(sealed);
        byte[] binary = out.toByteArray();
        out.wipe();
        String text = PemBlock.encode(LABEL, binary, 70);
        Passphrases.wipe(binary);
        return text;
    }
}
