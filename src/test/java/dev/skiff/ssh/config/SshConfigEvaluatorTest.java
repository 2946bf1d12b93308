package dev.skiff.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigEvaluatorTest {
    @TempDir
    Path tmp;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tmp);
    }

    @Test
    void defaultsMatchOpenSsh() throws Exception {
        HostConfig c = fx.eval("", "example.com");
        assertEquals("example.com", c.hostName());
        assertEquals("alice", c.user());
        assertEquals(22, c.port());
        assertEquals(HostConfigResolver.DEFAULT_IDENTITY_FILES, c.identityFileSpecs());
        assertEquals(tmp.resolve(".ssh/id_rsa"), c.identityFiles().get(0));
        assertEquals(List.of(tmp.resolve(".ssh/known_hosts"), tmp.resolve(".ssh/known_hosts2")), c.userKnownHostsFiles());
        assertEquals(StrictHostKeyChecking.ASK, c.strictHostKeyChecking());
        assertEquals(Duration.ZERO, c.serverAliveInterval());
        assertEquals(3, c.serverAliveCountMax());
        assertEquals(Optional.empty(), c.connectTimeout());
        assertEquals(RequestTty.AUTO, c.requestTty());
        assertEquals(LogLevel.INFO, c.logLevel());
        assertTrue(c.passwordAuthentication() && c.kbdInteractiveAuthentication() && c.pubkeyAuthentication());
        assertFalse(c.batchMode() || c.compression() || c.forwardAgent() || c.identitiesOnly());
        assertFalse(c.proxied());
    }

    @Test
    void firstObtainedValueWinsAcrossBlocks() throws Exception {
        HostConfig c = fx.eval("Host web*\n  Port 2201\n  User deploy\nHost *.example.com\n  Port 2202\n"
                + "  HostName %h.internal\nHost *\n  Port 2203\n  User nobody\n  Compression yes\n", "web1.example.com");
        assertEquals(2201, c.port());
        assertEquals("deploy", c.user());
        assertEquals("web1.example.com.internal", c.hostName());
        assertTrue(c.compression());
    }

    @Test
    void hostNegationExcludesTheBlockEvenIfAnotherPatternMatches() throws Exception {
        String cfg = "Host *.example.com !bastion.example.com\n  Port 1\nHost *\n  Port 2\n";
        assertEquals(1, fx.eval(cfg, "db.example.com").port());
        assertEquals(2, fx.eval(cfg, "bastion.example.com").port());
        // a lone negated pattern never activates a block
        assertEquals(22, fx.eval("Host !foo\n  Port 1\n", "bar").port());
    }

    @Test
    void hostPatternsAreMatchedAgainstTheNameAsGiven() throws Exception {
        // OpenSSH matches Host against the destination as typed, case-sensitively
        assertEquals(22, fx.eval("Host foo\n  Port 1\n", "FOO").port());
        assertEquals("foo", fx.eval("Host foo\n  HostName FOO\n", "foo").hostName());
    }

    @Test
    void accumulatingKeywordsAppend() throws Exception {
        HostConfig c = fx.eval("Host a\n  IdentityFile ~/.ssh/a\n  LocalForward 8080 localhost:80\n  SendEnv LANG LC_*\n"
                + "Host *\n  IdentityFile ~/.ssh/b\n  IdentityFile ~/.ssh/a\n  LocalForward 9090 [::1]:90\n"
                + "  SendEnv FOO\n  SendEnv -LC_*\n  CertificateFile ~/c1\n  DynamicForward 1080\n"
                + "  RemoteForward 2222 localhost:22\n", "a");
        assertEquals(List.of("~/.ssh/a", "~/.ssh/b"), c.identityFileSpecs());
        assertEquals(List.of(tmp.resolve(".ssh/a"), tmp.resolve(".ssh/b")), c.identityFiles());
        assertEquals(2, c.localForwards().size());
        assertEquals(Optional.of("::1"), c.localForwards().get(1).connectHost());
        assertEquals(List.of("LANG", "FOO"), c.sendEnv());
        assertEquals(List.of(tmp.resolve("c1")), c.certificateFiles());
        assertEquals(1080, c.dynamicForwards().get(0).listenPort());
        assertEquals(22, c.remoteForwards().get(0).connectPort());
    }

    @Test
    void setEnvFirstLineWinsAndFirstValuePerName() throws Exception {
        HostConfig c = fx.eval("SetEnv A=1 B=\"two words\" A=3\nSetEnv C=4\n", "h");
        assertEquals(Map.of("A", "1", "B", "two words"), c.setEnv());
    }

    @Test
    void knownHostsFileListFirstLineWins() throws Exception {
        HostConfig c = fx.eval("UserKnownHostsFile ~/k1 %d/k_%h\nUserKnownHostsFile ~/k3\nGlobalKnownHostsFile none\n", "h");
        assertEquals(List.of(tmp.resolve("k1"), tmp.resolve("k_h")), c.userKnownHostsFiles());
        assertEquals(List.of(), c.globalKnownHostsFiles());
    }

    @Test
    void tokensExpandWhereOpenSshExpandsThem() throws Exception {
        HostConfig c = fx.eval("Host sh*\n  HostName real.%h\n  User bob\n  Port 2022\n"
                + "  IdentityFile ~/.ssh/%h_%r_%u_%p_%n_%l_%L_%%_${SKIFF_X}\n"
                + "  ProxyCommand nc %h %p # %r\n  ControlPath ~/cm-%C\n  IdentityAgent %d/agent\n", "short");
        assertEquals("real.short", c.hostName());
        assertEquals(tmp.resolve(".ssh/real.short_bob_alice_2022_short_box.example.org_box_%_xv"), c.identityFiles().get(0));
        assertEquals(Optional.of("nc %h %p # %r"), c.proxyCommand());
        assertEquals(Optional.of("nc real.short 2022 # bob"), c.expandedProxyCommand());
        String hash = Tokens.connectionHash("box.example.org", "real.short", 2022, "bob");
        assertEquals(Optional.of(tmp.resolve("cm-" + hash).toString()), c.controlPath());
        assertEquals(Optional.of(tmp.resolve("agent").toString()), c.identityAgent());
    }

    @Test
    void connectionHashIsSha1OfLocalHostHostPortUser() {
        // value checked against ssh -G's ControlPath %C for the same inputs
        assertEquals("e98deefe088863240212290afd1cbcbcf29bcc5a", Tokens.connectionHash("vm", "foo.example.com", 22, "bob"));
    }

    @Test
    void unknownTokenIsAnError() {
        SshConfigException e = assertThrows(SshConfigException.class, () -> fx.eval("IdentityFile ~/%z\n", "h"));
        assertTrue(e.getMessage().contains("%z"), e.getMessage());
        assertThrows(SshConfigException.class, () -> fx.eval("HostName %r.example\n", "h"));
    }

    @Test
    void commandLineOverridesComeFirst() throws Exception {
        fx.write(".ssh/config", "Host h\n  User cfg\n  Port 1\n  Compression no\n  IdentityFile ~/cfg\n");
        HostConfig c = fx.evaluator("dest@h").option("Compression=yes").option("IdentityFile ~/cli")
                .option("User=optuser").evaluate();
        assertEquals("optuser", c.user());
        assertEquals(1, c.port());
        assertTrue(c.compression());
        assertEquals(List.of("~/cli", "~/cfg"), c.identityFileSpecs());
        HostConfig d = fx.evaluator("ssh://urluser@h:7").user("luser").option("Port 9").evaluate();
        assertEquals("luser", d.user());
        assertEquals(9, d.port());
        HostConfig e = fx.evaluator("ssh://urluser@h:7").evaluate();
        assertEquals("urluser", e.user());
        assertEquals(7, e.port());
        assertEquals("cfg", fx.evaluator("h").evaluate().user());
    }

    @Test
    void commandLineOptionsRejectBlockKeywords() throws Exception {
        fx.write(".ssh/config", "");
        for (String o : List.of("Host=x", "Match all", "Include foo")) {
            assertThrows(SshConfigException.class, () -> fx.evaluator("h").option(o).evaluate(), o);
        }
    }

    @Test
    void malformedValuesNameFileAndLine() throws Exception {
        Path cfg = fx.write(".ssh/config", "Host other\n\n  Port abc\n");
        SshConfigException e = assertThrows(SshConfigException.class, () -> fx.evaluator("h").evaluate());
        assertEquals(cfg + " line 3: bad port 'abc'", e.getMessage());
        assertEquals(Optional.of(cfg.toString()), e.origin());
        for (String bad : List.of("ServerAliveInterval 5x", "Compression maybe", "StrictHostKeyChecking sure",
                "LocalForward 8080", "ServerAliveCountMax -1", "Port 70000", "Ciphers nope-cipher",
                "ProxyJump @", "SetEnv NOVALUE", "SendEnv A=B", "Port 1 2", "LogLevel LOUD", "RequestTTY often")) {
            fx.write(".ssh/config", bad + "\n");
            assertThrows(SshConfigException.class, () -> fx.evaluator("h").evaluate(), bad);
        }
    }

    @Test
    void unknownKeywordsAreIgnored() throws Exception {
        HostConfig c = fx.eval("ForwardX11 yes\nSomethingNew 1 2 3\nPort 5\n", "h");
        assertEquals(5, c.port());
    }

    @Test
    void timesAndAlgorithms() throws Exception {
        HostConfig c = fx.eval("ServerAliveInterval 1m30s\nConnectTimeout none\nConnectTimeout 10\n"
                + "Ciphers aes256-ctr,aes128-cbc,aes128-ctr\nMACs -hmac-sha2-512*\n", "h");
        assertEquals(Duration.ofSeconds(90), c.serverAliveInterval());
        assertEquals(Optional.of(Duration.ofSeconds(10)), c.connectTimeout());
        assertEquals(List.of("aes256-ctr", "aes128-ctr"), c.ciphers());
        assertFalse(c.macs().contains("hmac-sha2-512"));
        assertTrue(c.macs().contains("hmac-sha2-256"));
    }

    @Test
    void proxyJumpAndProxyCommandFirstOneWins() throws Exception {
        HostConfig c = fx.eval("ProxyJump u@j1:2222,ssh://j2:22\nProxyCommand nc %h %p\n", "h");
        assertEquals(2, c.proxyJump().size());
        assertEquals(Optional.of("u"), c.proxyJump().get(0).user());
        assertEquals("j2", c.proxyJump().get(1).host());
        assertEquals(Optional.empty(), c.proxyCommand());
        HostConfig d = fx.eval("ProxyCommand nc %h %p\nProxyJump j\n", "h");
        assertEquals(List.of(), d.proxyJump());
        assertEquals(Optional.of("nc %h %p"), d.proxyCommand());
        // "ProxyJump none" leaves ProxyCommand free, as in current OpenSSH
        HostConfig e = fx.eval("ProxyJump none\nProxyCommand nc %h %p\nHost *\nProxyJump j\n", "h");
        assertEquals(List.of(), e.proxyJump());
        assertEquals(Optional.of("nc %h %p"), e.proxyCommand());
        assertFalse(fx.eval("ProxyJump none\nProxyCommand none\n", "h").proxied());
    }

    @Test
    void forwardAgentAndAddKeysToAgent() throws Exception {
        HostConfig c = fx.eval("ForwardAgent ~/sock\nAddKeysToAgent confirm 5m\n", "h");
        assertTrue(c.forwardAgent());
        assertEquals(Optional.of(tmp.resolve("sock").toString()), c.forwardAgentSocket());
        assertEquals(AddKeysToAgent.Mode.CONFIRM, c.addKeysToAgent().mode());
        assertEquals("confirm 300", c.addKeysToAgent().configValue());
    }
}
