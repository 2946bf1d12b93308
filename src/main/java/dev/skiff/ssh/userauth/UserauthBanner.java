package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;

/** SSH_MSG_USERAUTH_BANNER (RFC 4252 section 5.4): string message (UTF-8), string language. Untrusted text. */
public record UserauthBanner(String message, String language) {
    public static UserauthBanner decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != SshMessages.USERAUTH_BANNER) {
            throw new ProtocolException("expected USERAUTH_BANNER");
        }
        String message = new String(r.string(), StandardCharsets.UTF_8);
        String language = r.remaining() > 0 ? new String(r.string(), StandardCharsets.UTF_8) : "";
        r.expectEnd();
        return new UserauthBanner(message, language);
    }

    public byte[] encode() {
        return new WireWriter().byteValue(SshMessages.USERAUTH_BANNER).utf8(message).utf8(language).toByteArray();
    }
}
