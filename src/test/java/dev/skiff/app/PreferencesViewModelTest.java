package dev.skiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.terminal.TerminalSettings;
import org.junit.jupiter.api.Test;

class PreferencesViewModelTest {
    @Test
    void readsTheSettingsAndWritesTheChoicesBack() {
        AppSettings s = AppSettings.defaults().withTheme(AppSettings.Theme.DARK).withTerminal("DejaVu Sans Mono", 15, 2000);
        PreferencesViewModel vm = new PreferencesViewModel(s);
        assertEquals(AppTheme.DARK, vm.themeProperty().get());
        assertEquals("DejaVu Sans Mono", vm.fontFamilyProperty().get());
        assertEquals(15, vm.fontSizeProperty().get());
        assertEquals(2000, vm.scrollbackProperty().get());
        assertFalse(vm.writeToSshKnownHostsProperty().get());

        vm.themeProperty().set(AppTheme.SYSTEM);
        vm.fontFamilyProperty().set("Liberation Mono");
        vm.fontSizeProperty().set(12);
        vm.scrollbackProperty().set(50_000);
        vm.writeToSshKnownHostsProperty().set(true);
        AppSettings after = vm.applyTo(s);
        assertEquals(AppSettings.Theme.SYSTEM, after.theme());
        assertEquals("Liberation Mono", after.terminalFontFamily());
        assertEquals(12, after.terminalFontSize());
        assertEquals(50_000, after.scrollbackLines());
        assertTrue(after.writeToSshKnownHosts());
        assertEquals(s.window(), after.window(), "other settings are kept");
    }

    @Test
    void outOfRangeValuesAreClamped() {
        PreferencesViewModel vm = new PreferencesViewModel(AppSettings.defaults());
        vm.fontSizeProperty().set(500);
        vm.scrollbackProperty().set(-3);
        vm.fontFamilyProperty().set(" ");
        AppSettings after = vm.applyTo(AppSettings.defaults());
        assertEquals(TerminalSettings.MAX_FONT_SIZE, after.terminalFontSize());
        assertEquals(PreferencesViewModel.MIN_SCROLLBACK, after.scrollbackLines());
        assertEquals(AppSettings.DEFAULT_FONT_FAMILY, after.terminalFontFamily());
        vm.fontSizeProperty().set(1);
        vm.scrollbackProperty().set(Integer.MAX_VALUE);
        after = vm.applyTo(AppSettings.defaults());
        assertEquals(TerminalSettings.MIN_FONT_SIZE, after.terminalFontSize());
        assertEquals(PreferencesViewModel.MAX_SCROLLBACK, after.scrollbackLines());
    }
}
