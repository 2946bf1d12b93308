package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.List;

/**
 * SSH_MSG_KEXINIT (RFC 4253 section 7.1): byte[16] cookie, ten name-lists (kex, host key,
 * cipher c2s/s2c, MAC c2s/s2c, compression c2s/s2c, language c2s/s2c), boolean
 * first_kex_packet_follows, uint32 reserved. The exact payload is kept: it enters the exchange hash.
 */
public record KexInit(byte[] cookie, List<String> kexAlgorithms, List<String> hostKeyAlgorithms,
        List<String> ciphersClientToServer, List<String> ciphersServerToClient,
        List<String> macsClientToServer, List<String> macsServerToClient,
        List<String> compressionClientToServer, List<String> compressionServerToClient,
        List<String> languagesClientToServer, List<String> languagesServerToClient,
        boolean firstKexPacketFollows, long reserved, byte[] payload) implements TransportMessage {

    public KexInit {
        kexAlgorithms = List.copyOf(kexAlgorithms);
        hostKeyAlgorithms = List.copyOf(hostKeyAlgorithms);
        ciphersClientToServer = List.copyOf(ciphersClientToServer);
        ciphersServerToClient = List.copyOf(ciphersServerToClient);
        macsClientToServer = List.copyOf(macsClientToServer);
        macsServerToClient = List.copyOf(macsServerToClient);
        compressionClientToServer = List.copyOf(compressionClientToServer);
        compressionServerToClient = List.copyOf(compressionServerToClient);
        languagesClientToServer = List.copyOf(languagesClientToServer);
        languagesServerToClient = List.copyOf(languagesServerToClient);
        if (cookie.length != 16) {
            throw new IllegalArgumentException("cookie must be 16 bytes");
        }
        if (payload == null) {
            payload = encodeFields(cookie, kexAlgorithms, hostKeyAlgorithms, ciphersClientToServer,
                    ciphersServerToClient, macsClientToServer, macsServerToClient, compressionClientToServer,
                    compressionServerToClient, languagesClientToServer, languagesServerToClient,
                    firstKexPacketFollows, reserved);
        }
    }

    /** Builds a KEXINIT to send (no guessed packet, no languages). */
    public static KexInit create(byte[] cookie, List<String> kex, List<String> hostKey, List<String> ciphers,
            List<String> macs, List<String> compression) {
        return new KexInit(cookie, kex, hostKey, ciphers, ciphers, macs, macs, compression, compression,
                List.of(), List.of(), false, 0, null);
    }

    public static KexInit decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.KEXINIT);
        byte[] cookie = r.rawBytes(16);
        KexInit k = new KexInit(cookie, r.nameList(), r.nameList(), r.nameList(), r.nameList(), r.nameList(),
                r.nameList(), r.nameList(), r.nameList(), r.nameList(), r.nameList(), r.bool(), r.uint32(),
                payload.clone());
        r.expectEnd();
        return k;
    }

    private static byte[] encodeFields(byte[] cookie, List<String> kex, List<String> hostKey, List<String> cc,
            List<String> cs, List<String> mc, List<String> ms, List<String> zc, List<String> zs, List<String> lc,
            List<String> ls, boolean follows, long reserved) {
        WireWriter w = new WireWriter(1024).byteValue(SshMessages.KEXINIT).raw(cookie);
        for (List<String> l : List.of(kex, hostKey, cc, cs, mc, ms, zc, zs, lc, ls)) {
            w.nameList(l);
        }
        return w.bool(follows).uint32(reserved).toByteArray();
    }

    @Override
    public byte[] encode() {
        return payload.clone();
    }
}
