package dev.skiff.ssh.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ProtocolException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips for every connection-protocol record; truncation and trailing bytes are protocol errors. */
class ChannelMessageTest {
    static List<ChannelMessage> samples() {
        return List.of(new ChannelMessage.Open("session", 3, 2097152, 32768, new byte[0]),
                new ChannelMessage.Open("direct-tcpip", 4, 1024, 512, new byte[] {0, 0, 0, 1, 'h', 0, 0, 0, 22}),
                new ChannelMessage.OpenConfirmation(1, 2, 3, 4, new byte[0]),
                new ChannelMessage.OpenFailure(7, 2, "connect failed", ""),
                new ChannelMessage.WindowAdjust(1, 0xffffffffL),
                new ChannelMessage.Data(1, 0, new byte[] {1, 2, 3}),
                new ChannelMessage.Data(1, 1, new byte[] {4}),
                new ChannelMessage.Eof(9),
                new ChannelMessage.Close(9),
                new ChannelMessage.Request(2, "exec", true, new byte[] {0, 0, 0, 2, 'l', 's'}),
                new ChannelMessage.Reply(2, true),
                new ChannelMessage.Reply(2, false));
    }

    @Test
    void roundTrip() throws Exception {
        for (ChannelMessage m : samples()) {
            byte[] enc = m.encode();
            ChannelMessage back = ChannelMessage.decode(enc);
            assertEquals(m.getClass(), back.getClass());
            assertArrayEquals(enc, back.encode(), m.toString());
            for (int cut = 1; cut < enc.length; cut++) {
                byte[] shorter = Arrays.copyOf(enc, cut);
                try {
                    ChannelMessage.decode(shorter);
                } catch (ProtocolException expected) {
                    // fine: never an unchecked exception
                }
            }
        }
    }

    @Test
    void trailingBytesAndBadTypes() {
        byte[] eof = new ChannelMessage.Eof(1).encode();
        assertThrows(ProtocolException.class, () -> ChannelMessage.decode(Arrays.copyOf(eof, eof.length + 1)));
        byte[] ext = new ChannelMessage.Data(1, 1, new byte[] {1}).encode();
        ext[8] = 0; // data type 0 in EXTENDED_DATA
        assertThrows(ProtocolException.class, () -> ChannelMessage.decode(ext));
        assertThrows(ProtocolException.class, () -> ChannelMessage.decode(new byte[] {50, 0}));
        byte[] hugeId = {96, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(ProtocolException.class, () -> ChannelMessage.decode(hugeId));
    }
}
