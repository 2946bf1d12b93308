package dev.skiff.ssh.sftp;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code users-groups-by-id@openssh.com} (OpenSSH PROTOCOL section 4.11). Request data:
 * {@code string uids, string gids}, each a packed run of uint32. Reply: {@code string
 * usernames, string groupnames}, each a packed run of strings, in request order; an empty string
 * for an id without a name.
 */
public record UsersGroups(List<String> userNames, List<String> groupNames) {
    public UsersGroups {
        userNames = List.copyOf(userNames);
        groupNames = List.copyOf(groupNames);
    }

    public static byte[] encodeRequest(long[] uids, long[] gids) {
        WireWriter u = new WireWriter();
        for (long id : uids) {
            u.uint32(id);
        }
        WireWriter g = new WireWriter();
        for (long id : gids) {
            g.uint32(id);
        }
        return new WireWriter().string(u.toByteArray()).string(g.toByteArray()).toByteArray();
    }

    public static UsersGroups decode(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        List<String> users = names(r.string());
        List<String> groups = names(r.string());
        r.expectEnd();
        return new UsersGroups(users, groups);
    }

    private static List<String> names(byte[] packed) throws ProtocolException {
        WireReader r = new WireReader(packed);
        List<String> l = new ArrayList<>();
        while (r.remaining() > 0) {
            l.add(new String(r.string(), StandardCharsets.UTF_8));
        }
        return l;
    }

    public byte[] encode() {
        return new WireWriter().string(pack(userNames)).string(pack(groupNames)).toByteArray();
    }

    private static byte[] pack(List<String> names) {
        WireWriter w = new WireWriter();
        names.forEach(w::utf8);
        return w.toByteArray();
    }
}
