package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * SSH_MSG_USERAUTH_PASSWD_CHANGEREQ (RFC 4252 section 8), message 60 while a {@code password}
 * request is in progress: string prompt (ISO-10646 UTF-8), string language tag. The prompt is
 * untrusted server text; malformed UTF-8 is replaced rather than rejected.
 */
public record UserauthPasswdChangereq(String prompt, String language) implements AuthReply {
    /** Message number 60, shared with PK_OK and INFO_REQUEST (RFC 4252 section 8). */
    public static final int ID = 60;

    public static UserauthPasswdChangereq decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != ID) {
            throw new ProtocolException("expected USERAUTH_PASSWD_CHANGEREQ");
        }
        UserauthPasswdChangereq m = new UserauthPasswdChangereq(UntrustedText.lenient(r.string()),
                UntrustedText.lenient(r.string()));
        r.expectEnd();
        return m;
    }

    public byte[] encode() {
        return new WireWriter().byteValue(ID).utf8(prompt).utf8(language)
                .toByteArray();
    }
}
