package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;

/**
 * SSH_MSG_USERAUTH_INFO_RESPONSE (RFC 4256 section 3.4): int num-responses, then num-responses
 * times string response (UTF-8). The responses are secrets: {@link #toString()} shows only their
 * number, {@link #wipe()} overwrites them, and the encoded payload's intermediate buffers are
 * wiped. The record holds the caller's arrays (no defensive copy, so that one wipe reaches them).
 */
public record UserauthInfoResponse(char[][] responses) {
    public static UserauthInfoResponse decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != SshMessages.USERAUTH_INFO_RESPONSE) {
            throw new ProtocolException("expected USERAUTH_INFO_RESPONSE");
        }
        long n = r.uint32();
        if (n > UserauthInfoRequest.MAX_PROMPTS || n * 4 > r.remaining()) {
            throw new ProtocolException("USERAUTH_INFO_RESPONSE with " + n + " responses");
        }
        char[][] responses = new char[(int) n][];
        for (int i = 0; i < n; i++) {
            byte[] b = r.string();
            responses[i] = Secrets.utf8Chars(b);
            Arrays.fill(b, (byte) 0);
        }
        r.expectEnd();
        return new UserauthInfoResponse(responses);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(64).byteValue(SshMessages.USERAUTH_INFO_RESPONSE).uint32(responses.length);
        for (char[] c : responses) {
            byte[] b = Secrets.utf8Bytes(c);
            w.string(b);
            Arrays.fill(b, (byte) 0);
        }
        byte[] out = w.toByteArray();
        w.wipe();
        return out;
    }

    /** Overwrites every response with zeros. */
    public void wipe() {
        for (char[] c : responses) {
            Secrets.wipe(c);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserauthInfoResponse other && Arrays.deepEquals(responses, other.responses);
    }

    @Override
    public int hashCode() {
        return responses.length;
    }

    @Override
    public String toString() {
        return "UserauthInfoResponse[" + responses.length + " responses, hidden]";
    }
}
