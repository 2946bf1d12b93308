package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class Osc7TrackerTest {

    private static Optional<String> feed(Osc7Tracker t, String... chunks) {
        for (String c : chunks) {
            t.scan(c.toCharArray(), 0, c.length());
        }
        return t.directory();
    }

    @Test
    void belAndStTerminatedSequencesAreRead() {
        Osc7Tracker t = new Osc7Tracker();
        assertEquals(Optional.of("/home/al"), feed(t, "prompt\u001b]7;file://box/home/al\u0007$ "));
        assertEquals(Optional.of("/tmp"), feed(t, "\u001b]7;file://box/tmp\u001b\\"));
    }

    @Test
    void aSequenceSplitAcrossReadsIsRead() {
        Osc7Tracker t = new Osc7Tracker();
        assertEquals(Optional.of("/srv/www"), feed(t, "ab\u001b", "]", "7;file://h/srv", "/www", "\u0007"));
    }

    @Test
    void percentEscapesAndUtf8AreDecoded() {
        Osc7Tracker t = new Osc7Tracker();
        assertEquals(Optional.of("/data/my files/é"), feed(t, "\u001b]7;file://h/data/my%20files/%C3%A9\u0007"));
    }

    @Test
    void otherOscSequencesTitlesAndBadUrlsLeaveTheDirectory() {
        Osc7Tracker t = new Osc7Tracker();
        feed(t, "\u001b]7;file://h/ok\u0007");
        feed(t, "\u001b]0;title\u0007", "\u001b]2;file://h/no\u001b\\", "\u001b]77;file://h/no\u0007");
        feed(t, "\u001b]7;http://h/no\u0007", "\u001b]7;file://h/bad%zz\u0007", "\u001b]7;file://h/nul%00\u0007");
        assertEquals(Optional.of("/ok"), t.directory());
    }

    @Test
    void anOverlongSequenceIsIgnoredAndTheNextOneRead() {
        Osc7Tracker t = new Osc7Tracker();
        feed(t, "\u001b]7;file://h/" + "x".repeat(Osc7Tracker.MAX_LENGTH + 10) + "\u0007");
        assertTrue(t.directory().isEmpty());
        assertEquals(Optional.of("/next"), feed(t, "\u001b]7;file://h/next\u0007"));
    }

    @Test
    void pathOfNeedsAFileUrlWithAPath() {
        assertNull(Osc7Tracker.pathOf("file://hostonly"));
        assertEquals("/", Osc7Tracker.pathOf("FILE://h/"));
    }
}
