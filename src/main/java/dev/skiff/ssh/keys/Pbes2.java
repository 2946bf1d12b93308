package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.security.GeneralSecurityException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PKCS#8 {@code EncryptedPrivateKeyInfo} with PBES2 (RFC 8018 section 6.2, appendix A.2 and A.4):
 * <pre>
 * SEQUENCE { SEQUENCE { OID pbes2, SEQUENCE {
 *              SEQUENCE { OID pbkdf2, SEQUENCE { OCTET STRING salt, INTEGER iterations,
 *                                                INTEGER keyLength OPTIONAL, AlgorithmIdentifier prf DEFAULT hmacWithSHA1 } },
 *              SEQUENCE { OID aes-CBC or des-ede3-cbc, OCTET STRING iv } } },
 *            OCTET STRING encryptedData }
 * </pre>
 * The passphrase enters PBKDF2 as UTF-8 bytes, as OpenSSL does.
 */
final class Pbes2 {
    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    /** Upper bound for a file's iteration count, so that a hostile file cannot hang the reader. */
    private static final int MAX_ITERATIONS = 10_000_000;

    private Pbes2() {
    }

    static byte[] decrypt(byte[] der, char[] passphrase) throws KeyFormatException {
        DerReader info = new DerReader(der).sequence();
        DerReader alg = info.sequence();
        if (!alg.oid().equals(PBES2)) {
            throw new KeyFormatException("unsupported PKCS#8 encryption (only PBES2)");
        }
        DerReader params = alg.sequence();
        alg.expectEnd();
        DerReader kdf = params.sequence();
        if (!kdf.oid().equals(PBKDF2)) {
            throw new KeyFormatException("unsupported PBES2 key derivation (only PBKDF2)");
        }
        DerReader kdfParams = kdf.sequence();
        kdf.expectEnd();
        byte[] salt = kdfParams.octetString();
        int iterations = kdfParams.smallInt();
        int keyLength = kdfParams.peekTag() == DerReader.INTEGER ? kdfParams.smallInt() : -1;
        Digest prf = new SHA1Digest();
        if (kdfParams.hasMore()) {
            DerReader prfAlg = kdfParams.sequence();
            prf = digest(prfAlg.oid());
            if (prfAlg.hasMore()) {
                prfAlg.element(DerReader.NULL).expectEnd();
            }
            prfAlg.expectEnd();
        }
        kdfParams.expectEnd();
        DerReader enc = params.sequence();
        params.expectEnd();
        String encOid = enc.oid();
        byte[] iv = enc.octetString();
        enc.expectEnd();
        byte[] data = info.octetString();
        info.expectEnd();

        String jca = encOid.equals("1.2.840.113549.3.7") ? "DESede" : "AES";
        int keyBytes = switch (encOid) {
            case "2.16.840.1.101.3.4.1.2" -> 16;
            case "2.16.840.1.101.3.4.1.22" -> 24;
            case "2.16.840.1.101.3.4.1.42" -> 32;
            case "1.2.840.113549.3.7" -> 24;
            default -> throw new KeyFormatException("unsupported PBES2 cipher " + encOid);
        };
        int blockBytes = jca.equals("AES") ? 16 : 8;
        if (iterations < 1 || iterations > MAX_ITERATIONS || (keyLength != -1 && keyLength != keyBytes)
                || iv.length != blockBytes || data.length == 0 || data.length % blockBytes != 0) {
            throw new KeyFormatException("unsupported PBES2 parameters");
        }
        PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(prf);
        byte[] pass = Passphrases.utf8(passphrase);
        gen.init(pass, salt, iterations);
        byte[] key = ((KeyParameter) gen.generateDerivedParameters(keyBytes * 8)).getKey();
        Passphrases.wipe(pass);
        try {
            Cipher c = Cipher.getInstance(jca + "/CBC/PKCS5Padding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, jca), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new WrongPassphraseException("incorrect passphrase (bad padding)");
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("PBES2 cipher unavailable: " + e.getMessage(), e);
        } finally {
            Passphrases.wipe(key);
        }
    }

    private static Digest digest(String prfOid) throws KeyFormatException {
        switch (prfOid) {
            case "1.2.840.113549.2.7": return new SHA1Digest();
            case "1.2.840.113549.2.9": return new SHA256Digest();
            case "1.2.840.113549.2.10": return new SHA384Digest();
            case "1.2.840.113549.2.11": return new SHA512Digest();
            default: throw new KeyFormatException("unsupported PBKDF2 PRF " + prfOid);
        }
    }
}
