package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import java.nio.charset.StandardCharsets;

/** Helpers shared by the message records. */
final class Msgs {
    private Msgs() {
    }

    /** A reader positioned after the message id, which must be {@code id}. */
    static WireReader reader(byte[] payload, int id) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int got = r.byteValue();
        if (got != id) {
            throw new ProtocolException("expected " + SshMessages.name(id) + ", got " + SshMessages.name(got));
        }
        return r;
    }

    /** Peer-supplied text: invalid UTF-8 is replaced rather than fatal (it is only displayed). */
    static String lenientUtf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
