package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellDirectoryTest {

    @Test
    void theShellTypedIntoLastWins() {
        assertEquals(Optional.of("/srv/b"), ShellDirectory.pick("100\t/home/a\n300\t/srv/b\n200\t/tmp\n"));
    }

    @Test
    void directoriesWithSpacesAndTabsSurvive() {
        assertEquals(Optional.of("/data/my dir\twith tab"), ShellDirectory.pick("5\t/data/my dir\twith tab\n"));
    }

    @Test
    void garbageAndEmptyOutputGiveNothing() {
        assertEquals(Optional.empty(), ShellDirectory.pick(""));
        assertEquals(Optional.empty(), ShellDirectory.pick("x\t/a\n12\trelative\n\t/b\n7\t\n"));
    }
}
