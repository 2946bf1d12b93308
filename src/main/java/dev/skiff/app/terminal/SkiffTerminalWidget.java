package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TerminalExecutorServiceManager;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;

/**
 * JediTermFX's widget with Skiff's panel ({@link SkiffTerminalPanel}) and daemon executor threads.
 * FX thread, except where JediTermFX documents otherwise.
 */
final class SkiffTerminalWidget extends JediTermFxWidget {
    SkiffTerminalWidget(int columns, int rows, SettingsProvider settings) {
        super(columns, rows, settings);
    }

    @Override
    protected TerminalPanel createTerminalPanel(SettingsProvider settings, StyleState style, TerminalTextBuffer buffer) {
        return new SkiffTerminalPanel(settings, buffer, style);
    }

    @Override
    protected TerminalExecutorServiceManager createExecutorServiceManager() {
        return new DaemonExecutorServiceManager();
    }

    SkiffTerminalPanel panel() {
        return (SkiffTerminalPanel) getTerminalPanel();
    }
}
