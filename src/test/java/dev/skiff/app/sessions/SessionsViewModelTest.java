package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sessions ViewModels, without any UI. */
class SessionsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void editorValidatesAndBuildsTheHost() {
        HostEditorViewModel vm = new HostEditorViewModel(null);
        assertFalse(vm.validProperty().get());
        assertEquals("Label is required", vm.errorProperty().get());
        vm.labelProperty().set("Web");
        assertEquals("Host is required", vm.errorProperty().get());
        vm.hostProperty().set("web.example.com");
        assertTrue(vm.validProperty().get());
        vm.portProperty().set("70000");
        assertEquals("Port must be a number from 1 to 65535", vm.errorProperty().get());
        vm.portProperty().set("2222");
        vm.forwardsProperty().set("L 8080:localhost:80\nbogus");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.errorProperty().get().contains("bogus"), vm.errorProperty().get());
        assertThrows(IllegalStateException.class, vm::toSavedHost);
        vm.forwardsProperty().set("L 8080:localhost:80\n\nD 1080");
        vm.environmentProperty().set("LANG=C.UTF-8\n1BAD=x");
        assertFalse(vm.validProperty().get());
        vm.environmentProperty().set("LANG=C.UTF-8\nEMPTY=");
        vm.keepaliveProperty().set("abc");
        assertFalse(vm.validProperty().get());
        vm.keepaliveProperty().set("20");
        vm.authProperty().set(AuthPreference.PASSWORD);
        vm.folderProperty().set(" work ");
        SavedHost h = vm.toSavedHost();
        assertEquals(2222, h.port());
        assertEquals("work", h.folder());
        assertEquals(Map.of("LANG", "C.UTF-8", "EMPTY", ""), h.environment());
        assertEquals(2, h.forwards().size());
        assertEquals(20, h.keepaliveSeconds());

        HostEditorViewModel again = new HostEditorViewModel(h);
        assertTrue(again.validProperty().get());
        assertEquals(h, again.toSavedHost());
    }

    @Test
    void sidebarFiltersGroupsAndFollowsTheStore() {
        try (HostStore store = HostStore.open(new AppDirs(dir))) {
            store.put(SavedHost.of("Web", "web.example.com", 22, "alice").withFolder("prod"));
            store.put(SavedHost.of("DB", "db.internal", 5432, "postgres").withFolder("prod"));
            store.put(SavedHost.of("pi", "raspberrypi.local", 22, "pi"));
            store.addFolder("empty");
            HostsSidebarViewModel vm = new HostsSidebarViewModel(store, Runnable::run);
            assertEquals(List.of("", "empty", "prod"), List.copyOf(vm.groupedByFolder().keySet()));
            assertEquals(List.of("DB", "Web"), vm.groupedByFolder().get("prod").stream().map(SavedHost::label).toList());

            vm.filterProperty().set("ALICE");
            assertEquals(List.of("Web"), vm.filteredSavedHosts().stream().map(SavedHost::label).toList());
            vm.filterProperty().set("prod internal");
            assertEquals(List.of("DB"), vm.filteredSavedHosts().stream().map(SavedHost::label).toList());
            assertEquals(List.of("prod"), List.copyOf(vm.groupedByFolder().keySet()));
            vm.filterProperty().set("");

            SavedHost copy = vm.duplicate(store.hosts().get(2));
            assertEquals("pi (copy)", copy.label());
            assertEquals(4, vm.savedHosts().size());
            vm.delete(copy);
            assertEquals(3, vm.savedHosts().size());

            SavedHost live = new SavedHost("ssh-config:gw", "gw", "gw.example", 22, "", null, "", "", "", null, null,
                    0, "", "");
            vm.setConfigHosts(List.of(live));
            assertTrue(vm.isReadOnly(live));
            vm.filterProperty().set("gw");
            assertEquals(1, vm.filteredConfigHosts().size());
            SavedHost saved = vm.saveConfigHost(live);
            assertFalse(vm.isReadOnly(saved));
            assertTrue(vm.filteredConfigHosts().isEmpty());
            assertEquals(List.of("gw"), vm.filteredSavedHosts().stream().map(SavedHost::label).toList());
            vm.dispose();
        }
    }

    @Test
    void vaultDialogModelCreatesThenUnlocks() throws Exception {
        Vault vault = new Vault(dir.resolve("vault.json"), VaultTest.FAST);
        VaultUnlockViewModel create = new VaultUnlockViewModel(vault, Runnable::run, Runnable::run);
        assertTrue(create.isCreating());
        create.passwordProperty().set("short");
        assertFalse(create.submit().get());
        assertEquals("Use at least 8 characters", create.errorProperty().get());
        create.passwordProperty().set("long enough");
        create.confirmationProperty().set("long enougH");
        assertFalse(create.submit().get());
        assertEquals("The passwords do not match", create.errorProperty().get());
        create.confirmationProperty().set("long enough");
        assertTrue(create.submit().get());
        assertTrue(vault.isUnlocked());
        assertEquals("", create.passwordProperty().get());

        Vault later = new Vault(dir.resolve("vault.json"));
        VaultUnlockViewModel unlock = new VaultUnlockViewModel(later, Runnable::run, Runnable::run);
        assertFalse(unlock.isCreating());
        unlock.passwordProperty().set("wrong password");
        assertFalse(unlock.submit().get());
        assertEquals("Wrong master password", unlock.errorProperty().get());
        unlock.passwordProperty().set("long enough");
        assertTrue(unlock.submit().get());
        assertTrue(later.isUnlocked());
    }
}
