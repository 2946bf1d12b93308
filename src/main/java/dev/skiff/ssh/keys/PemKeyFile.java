package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.util.Locale;

/**
 * PEM private keys as OpenSSL and {@code ssh-keygen -m PEM/PKCS8} write them: {@code RSA PRIVATE
 * KEY} (PKCS#1) and {@code EC PRIVATE KEY} (SEC1), either plain or with the traditional
 * {@code Proc-Type: 4,ENCRYPTED} / {@code DEK-Info} headers (see {@link PemDecryption}), and
 * {@code PRIVATE KEY} / {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2). None of them stores the
 * public key or a comment outside the encryption.
 */
final class PemKeyFile implements LockedKey {
    static final String RSA = "RSA PRIVATE KEY";
    static final String EC = "EC PRIVATE KEY";
    static final String PKCS8 = "PRIVATE KEY";
    static final String PKCS8_ENCRYPTED = "ENCRYPTED PRIVATE KEY";

    private final PemBlock block;
    private final boolean encrypted;

    private PemKeyFile(PemBlock block, boolean encrypted) {
        this.block = block;
        this.encrypted = encrypted;
    }

    static boolean handles(String label) {
        return label.equals(RSA) || label.equals(EC) || label.equals(PKCS8) || label.equals(PKCS8_ENCRYPTED);
    }

    static PemKeyFile of(PemBlock block) throws KeyFormatException {
        String procType = block.headers().get("PROC-TYPE");
        boolean traditionalEncrypted = procType != null && procType.toUpperCase(Locale.ROOT).replace(" ", "").equals("4,ENCRYPTED");
        if (procType != null && !traditionalEncrypted) {
            throw new KeyFormatException("unsupported Proc-Type " + procType);
        }
        if (traditionalEncrypted && !block.label().equals(RSA) && !block.label().equals(EC)) {
            throw new KeyFormatException("Proc-Type encryption on a " + block.label());
        }
        return new PemKeyFile(block, traditionalEncrypted || block.label().equals(PKCS8_ENCRYPTED));
    }

    @Override
    public boolean encrypted() {
        return encrypted;
    }

    @Override
    public SshPublicKey publicKey() {
        return null;
    }

    @Override
    public SshKeyPair unlock(char[] passphrase) throws KeyFormatException {
        if (!encrypted) {
            return decode(block.label(), block.data());
        }
        byte[] der = block.label().equals(PKCS8_ENCRYPTED)
                ? Pbes2.decrypt(block.data(), passphrase)
                : PemDecryption.decrypt(block.headers().get("DEK-INFO"), block.data(), passphrase);
        try {
            return decode(block.label().equals(PKCS8_ENCRYPTED) ? PKCS8 : block.label(), der);
        } catch (WrongPassphraseException e) {
            throw e;
        } catch (KeyFormatException e) {
            // decryption with a wrong key passes the padding check about once in 256 tries
            throw new WrongPassphraseException("incorrect passphrase (decrypted data is not a key)");
        } finally {
            Passphrases.wipe(der);
        }
    }

    private static SshKeyPair decode(String label, byte[] der) throws KeyFormatException {
        switch (label) {
            case RSA: return DerPrivateKeys.pkcs1(der);
            case EC: return DerPrivateKeys.sec1(der, null);
            default: return DerPrivateKeys.pkcs8(der);
        }
    }
}
