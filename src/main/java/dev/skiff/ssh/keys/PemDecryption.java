package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenSSL's traditional PEM encryption ({@code Proc-Type: 4,ENCRYPTED},
 * {@code DEK-Info: <cipher>,<hex IV>}, RFC 1421 section 4.6.1.3 headers): the key is OpenSSL's
 * {@code EVP_BytesToKey} with MD5, one iteration and the first 8 IV bytes as salt
 * ({@code D_i = MD5(D_(i-1) || passphrase || salt)}); data is CBC with PKCS#7 padding.
 */
final class PemDecryption {
    private PemDecryption() {
    }

    static byte[] decrypt(String dekInfo, byte[] data, char[] passphrase) throws KeyFormatException {
        if (dekInfo == null) {
            throw new KeyFormatException("encrypted PEM key without DEK-Info");
        }
        String[] parts = dekInfo.split(",", 2);
        if (parts.length != 2) {
            throw new KeyFormatException("malformed DEK-Info");
        }
        String name = parts[0].strip().toUpperCase(Locale.ROOT);
        int keyBytes;
        String jca;
        switch (name) {
            case "AES-128-CBC": keyBytes = 16; jca = "AES"; break;
            case "AES-192-CBC": keyBytes = 24; jca = "AES"; break;
            case "AES-256-CBC": keyBytes = 32; jca = "AES"; break;
            case "DES-EDE3-CBC": keyBytes = 24; jca = "DESede"; break;
            default: throw new KeyFormatException("unsupported PEM cipher " + parts[0]);
        }
        int blockBytes = jca.equals("AES") ? 16 : 8;
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(parts[1].strip());
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("malformed DEK-Info IV");
        }
        if (iv.length != blockBytes) {
            throw new KeyFormatException("DEK-Info IV must be " + blockBytes + " bytes");
        }
        if (data.length == 0 || data.length % blockBytes != 0) {
            throw new KeyFormatException("encrypted PEM data is not a whole number of blocks");
        }
        byte[] pass = Passphrases.utf8(passphrase);
        byte[] key = bytesToKey(pass, iv, keyBytes);
        Passphrases.wipe(pass);
        try {
            Cipher c = Cipher.getInstance(jca + "/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, jca), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new WrongPassphraseException("incorrect passphrase (bad padding)");
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException(name + " unavailable: " + e.getMessage(), e);
        } finally {
            Passphrases.wipe(key);
        }
    }

    /** {@code EVP_BytesToKey(MD5, salt = iv[0..8], count = 1)}, key bytes only. */
    static byte[] bytesToKey(byte[] pass, byte[] iv, int keyBytes) throws KeyFormatException {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] key = new byte[keyBytes];
            byte[] prev = new byte[0];
            for (int filled = 0; filled < keyBytes; ) {
                md5.update(prev);
                md5.update(pass);
                md5.update(iv, 0, 8);
                Passphrases.wipe(prev);
                prev = md5.digest();
                int n = Math.min(prev.length, keyBytes - filled);
                System.arraycopy(prev, 0, key, filled, n);
                filled += n;
            }
            Passphrases.wipe(prev);
            return key;
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("MD5 unavailable", e);
        }
    }
}
