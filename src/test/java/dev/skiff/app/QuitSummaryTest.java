package dev.skiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuitSummaryTest {
    @Test
    void saysWhatQuittingWouldEnd() {
        assertEquals("", QuitSummary.of(0, 0));
        assertEquals("1 terminal session is open.", QuitSummary.of(1, 0));
        assertEquals("3 transfers are not finished.", QuitSummary.of(0, 3));
        assertEquals("2 terminal sessions are open and 1 transfer is not finished.", QuitSummary.of(2, 1));
    }
}
