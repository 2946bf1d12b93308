package dev.skiff.ssh.agent;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;

/**
 * SSH_AGENT_SIGN_RESPONSE (draft-miller-ssh-agent, "Private key operations"):
 * {@code byte 14, string signature}, where the signature is the usual SSH signature blob
 * {@code string algorithm, string signature} (RFC 4253 section 6.6).
 */
public record SignResponse(byte[] signature) {
    public SignResponse {
        signature = signature.clone();
    }

    public static SignResponse decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int type = r.byteValue();
        if (type != AgentMessages.SIGN_RESPONSE) {
            throw new ProtocolException("expected agent SIGN_RESPONSE, got " + AgentMessages.name(type));
        }
        SignResponse m = new SignResponse(r.string());
        r.expectEnd();
        return m;
    }

    /** The algorithm name inside the signature blob; the blob must be exactly two strings. */
    public String algorithm() throws ProtocolException {
        WireReader r = new WireReader(signature);
        String name = r.ascii();
        r.string();
        r.expectEnd();
        return name;
    }

    public byte[] encode() {
        return new WireWriter(8 + signature.length).byteValue(AgentMessages.SIGN_RESPONSE).string(signature).toByteArray();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignResponse s && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignResponse[" + signature.length + " bytes]";
    }
}
