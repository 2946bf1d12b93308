package dev.skiff.ssh.agent;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;

/**
 * SSH_AGENTC_SIGN_REQUEST (draft-miller-ssh-agent, "Private key operations"):
 * {@code byte 13, string key blob, string data, uint32 flags}. The flags select the RSA hash
 * ("Signature flags"; RFC 8332 section 3.3); other key types use 0.
 */
public record SignRequest(byte[] keyBlob, byte[] data, int flags) {
    public SignRequest {
        keyBlob = keyBlob.clone();
        data = data.clone();
    }

    /** The flags that ask for {@code algorithm}: RSA_SHA2_256 (2), RSA_SHA2_512 (4), else 0. */
    public static int flagsFor(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_SHA2_256 -> AgentMessages.FLAG_RSA_SHA2_256;
            case RSA_SHA2_512 -> AgentMessages.FLAG_RSA_SHA2_512;
            default -> 0;
        };
    }

    public static SignRequest decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int type = r.byteValue();
        if (type != AgentMessages.SIGN_REQUEST) {
            throw new ProtocolException("expected agent SIGN_REQUEST, got " + AgentMessages.name(type));
        }
        SignRequest m = new SignRequest(r.string(), r.string(), (int) r.uint32());
        r.expectEnd();
        return m;
    }

    public byte[] encode() {
        return new WireWriter(16 + keyBlob.length + data.length).byteValue(AgentMessages.SIGN_REQUEST)
                .string(keyBlob).string(data).uint32(flags & 0xffffffffL).toByteArray();
    }

    @Override
    public byte[] keyBlob() {
        return keyBlob.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignRequest s && flags == s.flags && Arrays.equals(keyBlob, s.keyBlob) && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(keyBlob) + Arrays.hashCode(data)) + flags;
    }

    @Override
    public String toString() {
        return "SignRequest[" + keyBlob.length + " byte key, " + data.length + " bytes of data, flags " + flags + "]";
    }
}
