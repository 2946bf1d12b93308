package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** SSH_MSG_EXT_INFO (RFC 8308 section 2.3): uint32 count, then count pairs of string name, string value. */
public record ExtInfo(Map<String, byte[]> extensions) implements TransportMessage {
    /** More extensions than this is treated as malformed. */
    public static final int MAX_EXTENSIONS = 64;

    public ExtInfo {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static ExtInfo decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.EXT_INFO);
        long count = r.uint32();
        if (count > MAX_EXTENSIONS) {
            throw new ProtocolException("EXT_INFO with too many extensions: " + count);
        }
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String name = r.ascii();
            map.put(name, r.string());
        }
        r.expectEnd();
        return new ExtInfo(map);
    }

    @Override
    public byte[] encode() {
        WireWriter w = new WireWriter().byteValue(SshMessages.EXT_INFO).uint32(extensions.size());
        extensions.forEach((k, v) -> w.utf8(k).string(v));
        return w.toByteArray();
    }
}
