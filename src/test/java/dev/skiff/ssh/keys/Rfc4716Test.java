package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.KeyFormatException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Rfc4716Test {
    private static final SshPublicKey KEY = SshKeyGenerator.generate("ssh-ed25519", 0).publicKey();

    private static String body() {
        String b64 = Base64.getEncoder().encodeToString(KEY.blob());
        return b64.substring(0, 40) + "\n" + b64.substring(40) + "\n";
    }

    @Test
    void headersWithContinuationAndQuotedComment() throws Exception {
        String text = "---- BEGIN SSH2 PUBLIC KEY ----\nSubject: alice\nComment: \"a long \\\ncomment\"\n"
                + "x-Private: ignored\n" + body() + "---- END SSH2 PUBLIC KEY ----\n";
        PublicKeyFile f = PublicKeyFiles.parse(text);
        assertEquals(KEY, f.key());
        assertEquals("a long comment", f.comment());
    }

    @Test
    void malformed() {
        for (String s : new String[] {"---- BEGIN SSH2 PUBLIC KEY ----\n" + body(),
            "---- BEGIN SSH2 PUBLIC KEY ----\n!!!!\n---- END SSH2 PUBLIC KEY ----\n",
            "---- BEGIN SSH2 PUBLIC KEY ----\nComment: x\\\n"}) {
            assertThrows(KeyFormatException.class, () -> PublicKeyFiles.parse(s));
        }
    }

    @Test
    void sshKeygenLineFormat() {
        String line = KeyFingerprints.sshKeygenLine(KEY, "", KeyFingerprints.Hash.SHA256);
        assertEquals("256 " + KEY.sha256Fingerprint() + " no comment (ED25519)", line);
    }
}
