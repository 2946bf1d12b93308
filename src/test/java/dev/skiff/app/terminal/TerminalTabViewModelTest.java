package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.terminal.TerminalTabViewModel.State;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class TerminalTabViewModelTest {
    private final TerminalTabViewModel vm = new TerminalTabViewModel("alice@db1");

    @Test
    void connectingThenConnectedThenDisconnected() {
        long id = vm.beginConnecting();
        assertEquals(State.CONNECTING, vm.state());
        assertEquals("Connecting…", vm.stepProperty().get());
        vm.progress(id, "Authenticating");
        assertEquals("Authenticating", vm.stepProperty().get());
        vm.connected(id);
        assertEquals(State.CONNECTED, vm.state());
        assertEquals(TerminalTabViewModel.colorOf(State.CONNECTED), vm.statusColorProperty().getValue());
        vm.disconnected(id);
        assertEquals(State.DISCONNECTED, vm.state());
        assertEquals(TerminalTabViewModel.colorOf(State.DISCONNECTED), vm.statusColorProperty().getValue());
    }

    @Test
    void failureNamesHostAndCause() {
        long id = vm.beginConnecting();
        vm.failed(id, new ExecutionException(new IOException("Authentication failed: tried password")));
        assertEquals(State.FAILED, vm.state());
        assertEquals("Connection failed", vm.failureTitleProperty().get());
        assertEquals("Could not open a terminal on alice@db1: Authentication failed: tried password",
                vm.messageProperty().get());
        long next = vm.beginConnecting();
        assertEquals("", vm.messageProperty().get());
        assertTrue(vm.isCurrent(next));
    }

    @Test
    void cancelMakesTheAttemptStale() {
        long id = vm.beginConnecting();
        vm.cancelled();
        assertEquals(State.FAILED, vm.state());
        assertEquals("Cancelled connecting to alice@db1.", vm.messageProperty().get());
        assertEquals("Cancelled", vm.failureTitleProperty().get());
        vm.connected(id);
        vm.progress(id, "late");
        vm.failed(id, new IOException("late"));
        assertEquals(State.FAILED, vm.state());
        assertEquals("Cancelled connecting to alice@db1.", vm.messageProperty().get());
        assertFalse(vm.isCurrent(id));
    }

    @Test
    void titleFromTerminalElseDisplayNameWithControlsVisible() {
        assertEquals("alice@db1", vm.title());
        vm.terminalTitleChanged("vim\u001b[31m x");
        assertEquals("vim^[[31m x", vm.title());
        vm.terminalTitleChanged("x".repeat(200));
        assertEquals(TerminalTabViewModel.MAX_TITLE, vm.title().length());
        vm.terminalTitleChanged("");
        assertEquals("alice@db1", vm.title());
    }

    @Test
    void bellMarkerUntilCleared() {
        assertFalse(vm.bellProperty().get());
        vm.bell();
        assertTrue(vm.bellProperty().get());
        vm.clearBell();
        assertFalse(vm.bellProperty().get());
    }

    @Test
    void zoomIsBounded() {
        TerminalSettings s = new TerminalSettings();
        s.zoomIn();
        assertEquals(TerminalSettings.DEFAULT_FONT_SIZE + 1, s.fontSizeProperty().get());
        for (int i = 0; i < 100; i++) {
            s.zoomOut();
        }
        assertEquals(TerminalSettings.MIN_FONT_SIZE, s.fontSizeProperty().get());
        s.resetZoom();
        assertEquals(TerminalSettings.DEFAULT_FONT_SIZE, s.fontSizeProperty().get());
    }

    @Test
    void multiLinePasteNeedsConfirmation() {
        assertFalse(PasteConfirmation.needsConfirmation("ls -l"));
        assertTrue(PasteConfirmation.needsConfirmation("ls\nrm x"));
        assertEquals(2, PasteConfirmation.lineCount("ls\nrm x\n"));
    }
}
