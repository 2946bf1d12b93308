package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.config.LocalContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigImportTest {
    @TempDir
    Path dir;

    private SshConfigImport importer() throws Exception {
        Path cfg = dir.resolve("config");
        Files.writeString(cfg, """
                # personal
                Host web prod-web
                    HostName web.example.com
                    User alice
                    Port 2222
                    IdentityFile ~/.ssh/id_web
                    IdentitiesOnly yes
                    ProxyJump jumper@bastion.example.com:2200
                    LocalForward 8080 localhost:80
                    LocalForward 127.0.0.1:5433 db.internal:5432
                    RemoteForward 9000 localhost:9000
                    DynamicForward 1080
                    ServerAliveInterval 30
                    SetEnv LANG=C.UTF-8

                Host bastion
                    HostName bastion.example.com
                    PreferredAuthentications password

                Host *.internal !nope
                    User ops

                Host *
                    Compression yes
                """);
        LocalContext local = new LocalContext("bob", dir, "localbox", Map.of());
        return new SshConfigImport(cfg, local);
    }

    @Test
    void listsOnlyConcreteHostNames() throws Exception {
        assertEquals(List.of("web", "prod-web", "bastion"), importer().hostNames());
    }

    @Test
    void importKeepsHostUserPortIdentityJumpAndForwards() throws Exception {
        List<SavedHost> hosts = importer().importHosts("Imported");
        assertEquals(3, hosts.size());
        SavedHost web = hosts.get(0);
        assertEquals("web", web.label());
        assertEquals("web.example.com", web.host());
        assertEquals("alice", web.user());
        assertEquals(2222, web.port());
        assertEquals("~/.ssh/id_web", web.identityFile());
        assertEquals(AuthPreference.KEY_FILE, web.auth());
        assertEquals("jumper@bastion.example.com:2200", web.jumpHost());
        assertEquals("Imported", web.folder());
        assertEquals(30, web.keepaliveSeconds());
        assertEquals(Map.of("LANG", "C.UTF-8"), web.environment());
        assertEquals(List.of("L 8080:localhost:80", "L 127.0.0.1:5433:db.internal:5432", "R 9000:localhost:9000",
                "D 1080"), web.forwards().stream().map(PortForward::toString).toList());

        SavedHost bastion = hosts.get(2);
        assertEquals("bob", bastion.user());
        assertEquals(22, bastion.port());
        assertEquals("", bastion.identityFile());
        assertEquals("", bastion.jumpHost());
        assertEquals(AuthPreference.PASSWORD, bastion.auth());
        assertTrue(hosts.get(0).id().length() > 30 && !hosts.get(0).id().equals(hosts.get(1).id()));
    }

    @Test
    void liveHostsLeaveOutSavedOnesAndHaveStableIds() throws Exception {
        SshConfigImport imp = importer();
        List<SavedHost> live = imp.liveHosts(List.of(SavedHost.of("Bastion", "other", 22, "")));
        assertEquals(List.of("web", "prod-web"), live.stream().map(SavedHost::label).toList());
        assertEquals("ssh-config:web", live.get(0).id());
        assertTrue(SshConfigImport.isLive(live.get(0)));
        assertTrue(new SshConfigImport(dir.resolve("missing")).liveHosts(List.of()).isEmpty());
    }
}
