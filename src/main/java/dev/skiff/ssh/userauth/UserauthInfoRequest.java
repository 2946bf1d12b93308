package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * SSH_MSG_USERAUTH_INFO_REQUEST (RFC 4256 section 3.2), message 60 while a
 * {@code keyboard-interactive} request is in progress:
 * string name, string instruction, string language tag, int num-prompts, then num-prompts times
 * (string prompt, boolean echo). All text is untrusted; malformed UTF-8 is replaced.
 */
public record UserauthInfoRequest(String name, String instruction, String language, List<Prompt> prompts)
        implements AuthReply {
    /** Like OpenSSH's client: more prompts than this in one round is a protocol error. */
    public static final int MAX_PROMPTS = 256;

    public UserauthInfoRequest {
        prompts = List.copyOf(prompts);
    }

    public static UserauthInfoRequest decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != SshMessages.USERAUTH_INFO_REQUEST) {
            throw new ProtocolException("expected USERAUTH_INFO_REQUEST");
        }
        String name = UntrustedText.lenient(r.string());
        String instruction = UntrustedText.lenient(r.string());
        String language = UntrustedText.lenient(r.string());
        long n = r.uint32();
        // each prompt takes at least 5 bytes (empty string + boolean): check before allocating
        if (n > MAX_PROMPTS || n * 5 > r.remaining()) {
            throw new ProtocolException("USERAUTH_INFO_REQUEST with " + n + " prompts");
        }
        List<Prompt> prompts = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            prompts.add(new Prompt(UntrustedText.lenient(r.string()), r.bool()));
        }
        r.expectEnd();
        return new UserauthInfoRequest(name, instruction, language, prompts);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter().byteValue(SshMessages.USERAUTH_INFO_REQUEST).utf8(name).utf8(instruction)
                .utf8(language).uint32(prompts.size());
        for (Prompt p : prompts) {
            w.utf8(p.text()).bool(p.echo());
        }
        return w.toByteArray();
    }
}
