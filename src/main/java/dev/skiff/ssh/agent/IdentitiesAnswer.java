package dev.skiff.ssh.agent;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SSH_AGENT_IDENTITIES_ANSWER (draft-miller-ssh-agent, "Requesting a list of keys"):
 * {@code byte 12, uint32 nkeys, nkeys * (string key blob, string comment)}. Key blobs are kept raw
 * here; {@link AgentClient} decodes those Skiff understands. The count is checked against the bytes
 * left (each entry needs at least 8) before any list is sized from it.
 */
public record IdentitiesAnswer(List<Entry> keys) {
    /** One key: its public key blob (possibly a type Skiff cannot decode) and its comment. */
    public record Entry(byte[] blob, String comment) {
        public Entry {
            blob = blob.clone();
        }

        @Override
        public byte[] blob() {
            return blob.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && Arrays.equals(blob, e.blob) && comment.equals(e.comment);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(blob) + comment.hashCode();
        }

        @Override
        public String toString() {
            return "Entry[" + blob.length + " byte blob, " + comment + "]";
        }
    }

    public IdentitiesAnswer {
        keys = List.copyOf(keys);
    }

    /**
     * Decodes the payload (type byte included). Comments are decoded as UTF-8 with malformed bytes
     * replaced, because agents store whatever the key file said.
     */
    public static IdentitiesAnswer decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int type = r.byteValue();
        if (type != AgentMessages.IDENTITIES_ANSWER) {
            throw new ProtocolException("expected agent IDENTITIES_ANSWER, got " + AgentMessages.name(type));
        }
        long count = r.uint32();
        if (count > r.remaining() / 8) {
            throw new ProtocolException("agent announced " + count + " keys in " + r.remaining() + " bytes");
        }
        List<Entry> keys = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            byte[] blob = r.string();
            String comment = new String(r.string(), StandardCharsets.UTF_8);
            keys.add(new Entry(blob, comment));
        }
        r.expectEnd();
        return new IdentitiesAnswer(keys);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter().byteValue(AgentMessages.IDENTITIES_ANSWER).uint32(keys.size());
        for (Entry e : keys) {
            w.string(e.blob).utf8(e.comment);
        }
        return w.toByteArray();
    }
}
