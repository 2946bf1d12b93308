package dev.skiff.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {
    @TempDir
    Path tmp;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tmp);
    }

    @Test
    void relativeGlobResolvesInDotSshSorted() throws Exception {
        fx.write(".ssh/conf.d/20-b.conf", "IdentityFile ~/b\nPort 20\n");
        fx.write(".ssh/conf.d/10-a.conf", "IdentityFile ~/a\nPort 10\n");
        fx.write(".ssh/conf.d/.hidden.conf", "IdentityFile ~/hidden\n");
        fx.write(".ssh/conf.d/notes.txt", "Port 99\n");
        HostConfig c = fx.eval("Include conf.d/*.conf\nPort 30\n", "h");
        assertEquals(10, c.port());
        assertEquals(List.of("~/a", "~/b"), c.identityFileSpecs());
    }

    @Test
    void absoluteAndTildePathsAndNoMatchIsFine() throws Exception {
        Path abs = fx.write("elsewhere/x.conf", "User fromabs\n");
        fx.write("tilde.conf", "Port 7\n");
        HostConfig c = fx.eval("Include " + abs + " ~/tilde.conf ~/missing*.conf nothing-here\n", "h");
        assertEquals("fromabs", c.user());
        assertEquals(7, c.port());
    }

    @Test
    void nestedIncludes() throws Exception {
        fx.write(".ssh/one", "Include two\nUser one\n");
        fx.write(".ssh/two", "Port 2\n");
        HostConfig c = fx.eval("Include one\n", "h");
        assertEquals(2, c.port());
        assertEquals("one", c.user());
    }

    @Test
    void includeInsideHostBlockAppliesOnlyWhenTheBlockMatches() throws Exception {
        fx.write(".ssh/inc", "Port 5\nHost *\n  User inner\n");
        String cfg = "Host other\n  Include inc\nHost *\n  User outer\n";
        HostConfig c = fx.eval(cfg, "h");
        // nothing of the included file applies, not even its own Host * block
        assertEquals(22, c.port());
        assertEquals("outer", c.user());
        HostConfig d = fx.eval(cfg, "other");
        assertEquals(5, d.port());
        assertEquals("inner", d.user());
    }

    @Test
    void blockOpenedInIncludedFileEndsWithIt() throws Exception {
        fx.write(".ssh/inc", "Host nomatch\n  User x\n");
        HostConfig c = fx.eval("Include inc\nPort 5\n", "h");
        assertEquals(5, c.port());
    }

    @Test
    void errorsInIncludedFilesNameThatFile() throws Exception {
        Path inc = fx.write(".ssh/bad", "\nPort zero\n");
        SshConfigException e = assertThrows(SshConfigException.class, () -> fx.eval("Include bad\n", "h"));
        assertEquals(inc + " line 2: bad port 'zero'", e.getMessage());
    }

    @Test
    void cyclesAreErrors() throws Exception {
        fx.write(".ssh/a", "Include b\n");
        fx.write(".ssh/b", "Include a\n");
        SshConfigException e = assertThrows(SshConfigException.class, () -> fx.eval("Include a\n", "h"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertThrows(SshConfigException.class, () -> fx.eval("Include config\n", "h"));
    }

    @Test
    void sameFileTwiceIsNotACycle() throws Exception {
        fx.write(".ssh/common", "IdentityFile ~/k\n");
        HostConfig c = fx.eval("Include common\nInclude common\n", "h");
        assertEquals(List.of("~/k"), c.identityFileSpecs());
    }

    @Test
    void depthIsBounded() throws Exception {
        for (int i = 0; i < 20; i++) {
            fx.write(".ssh/d" + i, "Include d" + (i + 1) + "\n");
        }
        SshConfigException e = assertThrows(SshConfigException.class, () -> fx.eval("Include d0\n", "h"));
        assertTrue(e.getMessage().contains("too many recursive"), e.getMessage());
    }

    @Test
    void systemConfigResolvesRelativeToItsDirectoryAndRejectsTilde() throws Exception {
        Path etc = tmp.resolve("etc-ssh");
        fx.write("etc-ssh/ssh_config.d/a.conf", "Port 6\n");
        Path sys = fx.write("etc-ssh/ssh_config", "Include ssh_config.d/*.conf\n");
        ConfigSource src = new ConfigSource(sys, false, false, etc, etc);
        HostConfig c = new SshConfigEvaluator().local(fx.local).destination("h").sources(List.of(src)).evaluate();
        assertEquals(6, c.port());
        fx.write("etc-ssh/ssh_config", "Include ~/x\n");
        assertThrows(SshConfigException.class,
                () -> new SshConfigEvaluator().local(fx.local).destination("h").sources(List.of(src)).evaluate());
    }
}
