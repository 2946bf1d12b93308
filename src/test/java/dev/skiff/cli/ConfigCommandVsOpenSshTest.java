package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.ssh.config.LocalContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Compares {@code skiff config -G} with OpenSSH's {@code ssh -G} on tricky configurations, for the
 * keywords Skiff supports. Both read only the test's file ({@code -F}); {@code HOME} points at a
 * temporary directory for ssh (its Include globs use {@code $HOME}) and for Skiff alike, while
 * {@code ~} in paths is the password-database home for both.
 *
 * <p>Intentional differences, not compared: the default algorithm lists ({@code ciphers},
 * {@code kexalgorithms}, {@code macs}, {@code hostkeyalgorithms}) are Skiff's own, so they are
 * compared only where a case sets them to names both implement; OpenSSH lists Unix-socket local
 * forwards under {@code dynamicforward} too (a quirk of its dump), so no case uses them; Debian's
 * ssh makes {@code BatchMode yes} imply {@code ServerAliveInterval 300} (a Debian patch, not
 * upstream OpenSSH, not copied), so cases with BatchMode set the interval explicitly.
 */
class ConfigCommandVsOpenSshTest {
    private static final Path SSH = Path.of("/usr/bin/ssh");
    private static final Set<String> KEYWORDS = Set.of("host", "user", "hostname", "port", "batchmode", "compression",
            "hashknownhosts", "identitiesonly", "kbdinteractiveauthentication", "passwordauthentication",
            "pubkeyauthentication", "requesttty", "stricthostkeychecking", "connectionattempts",
            "numberofpasswordprompts", "serveralivecountmax", "serveraliveinterval", "controlpath", "hostkeyalias",
            "identityagent", "localcommand", "loglevel", "preferredauthentications", "dynamicforward",
            "localforward", "remoteforward", "identityfile", "certificatefile", "globalknownhostsfile",
            "userknownhostsfile", "sendenv", "setenv", "addkeystoagent", "forwardagent", "connecttimeout",
            "proxycommand", "proxyjump", "forwardx11", "forwardx11trusted", "xauthlocation");
    private static final Set<String> ALGORITHMS = Set.of("ciphers", "kexalgorithms", "macs", "hostkeyalgorithms");

    @TempDir
    Path home;

    @BeforeEach
    void files() throws IOException {
        Path d = Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(d.resolve("10-web.conf"), "Host web*\n  User webuser\n  IdentityFile ~/.ssh/web_%h\n");
        Files.writeString(d.resolve("20-all.conf"), "Host *\n  ServerAliveInterval 15\n  Port 2020\n");
        Files.writeString(d.resolve("skip.txt"), "Port 1\n");
        Files.writeString(home.resolve(".ssh/conditional"), "Port 4444\nHost *\n  Compression yes\n");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            c("include glob and relative path", "Include conf.d/*.conf\nHost *\n  Port 1\n", "web1"),
            c("include inside a non-matching Host block", "Host other\n  Include conditional\nHost *\n  User u\n", "h"),
            c("include inside a matching Host block", "Host h\n  Include conditional\nHost *\n  Port 9\n", "h"),
            c("host negation", "Host *.example.com !bastion.example.com\n  Port 1\nHost *\n  Port 2\n",
                    "bastion.example.com"),
            c("host pattern list", "Host a b?c *.x\n  User listed\n", "bzc"),
            c("match host uses HostName", "Host alias\n  HostName Real.Example.com\nMatch host *.example.com\n"
                    + "  Port 5\nMatch originalhost alias !user nobody\n  User viaoriginal\n", "alias"),
            c("match negations and all", "Match !host foo localuser *\n  Compression yes\nMatch user bob\n"
                    + "  Port 7\nMatch !all\n  Port 8\nMatch all\n  HashKnownHosts yes\n", "bob@h"),
            c("match localuser negated", "Match !localuser nobody,daemon\n  LogLevel DEBUG\n", "h"),
            c("match final", "Host short\n  HostName long.example.com\nHost long.example.com\n  User fin\n"
                    + "Match final host long.example.com\n  Port 6\n", "short"),
            c("tokens", "Host t\n  HostName %h.example.org\n  User tok\n  Port 2022\n"
                    + "  IdentityFile ~/.ssh/id_%h_%r_%u_%p_%n_%l_%L_%%\n  IdentityFile %d/abs_%C\n"
                    + "  UserKnownHostsFile ~/kh_%h \"%d/with space_%r\" /tmp/kh_%C\n"
                    + "  ProxyCommand ssh -W %h:%p jump # %r\n  ControlPath ~/.ssh/cm-%C\n"
                    + "  IdentityAgent ~/agent-%L.sock\n  CertificateFile ~/c_%h\n  LocalCommand echo %n\n", "t"),
            c("first value wins across blocks", "Host web*\n  Port 2201\n  User deploy\nHost *.example.com\n"
                    + "  Port 2202\n  HostName %h.internal\n  User nope\nHost *\n  Port 2203\n"
                    + "  IdentityFile ~/one\n  IdentityFile ~/two\n  IdentityFile ~/one\n", "web1.example.com"),
            c("accumulating and list keywords", "Host *\n  LocalForward 8080 localhost:80\n"
                    + "  LocalForward 127.0.0.1:8081 [::1]:81\n  RemoteForward 9090 localhost:90\n"
                    + "  RemoteForward 1080\n  DynamicForward 1081\n  DynamicForward *:1082\n"
                    + "  SendEnv LANG LC_*\n  SendEnv FOO\n  SendEnv -LC_*\n  SetEnv A=1 B=\"two words\" A=2\n"
                    + "  SetEnv C=3\n  GlobalKnownHostsFile /etc/a /etc/b\n  GlobalKnownHostsFile /etc/c\n", "h"),
            c("flags and times", "Host *\n  ServerAliveInterval 1m30s\n  ServerAliveCountMax 5\n"
                    + "  ConnectTimeout none\n  ConnectTimeout 10\n  StrictHostKeyChecking accept-new\n"
                    + "  ForwardAgent yes\n  Compression=yes\n  RequestTTY force\n"
                    + "  PreferredAuthentications publickey,keyboard-interactive\n  PasswordAuthentication no\n"
                    + "  ChallengeResponseAuthentication no\n  BatchMode yes\n  IdentitiesOnly yes\n"
                    + "  HashKnownHosts yes\n  LogLevel VERBOSE\n  AddKeysToAgent confirm 5m\n"
                    + "  NumberOfPasswordPrompts 1\n  ConnectionAttempts 4\n  PubkeyAuthentication no\n"
                    + "  HostKeyAlias alias.example\n", "h"),
            c("x11 keywords", "Host *\n  ForwardX11 yes\n  ForwardX11Trusted no\n  XAuthLocation ~/bin/xauth\n"
                    + "Host h\n  ForwardX11 no\n", "h"),
            c("-o x11 overrides", "ForwardX11 no\nForwardX11Trusted yes\n", "h", "-o", "ForwardX11=yes", "-o",
                    "ForwardX11Trusted=no", "-o", "XAuthLocation=/opt/xauth"),
            c("strict host key checking no", "StrictHostKeyChecking no\nAddKeysToAgent yes\nRequestTTY no\n"
                    + "LogLevel debug\n", "h"),
            c("request tty yes", "RequestTTY yes\nStrictHostKeyChecking yes\nAddKeysToAgent 1h\n", "h"),
            c("proxyjump multi hop", "Host *\n  ProxyJump u@j1:2222,j2\n  ProxyCommand ignored\n", "h"),
            c("proxyjump none", "Host *\n  ProxyJump none\n  ProxyCommand nc %h %p\n", "h"),
            c("algorithm lists both support", "Ciphers aes256-ctr,aes128-ctr\nMACs hmac-sha2-256,hmac-sha2-512\n"
                    + "KexAlgorithms curve25519-sha256,diffie-hellman-group14-sha256\n"
                    + "HostKeyAlgorithms ssh-ed25519,rsa-sha2-512\n", "h", "ALGORITHMS"),
            c("-o overrides", "Host h\n  User cfg\n  Port 1\n  Compression no\n  IdentityFile ~/cfg\n", "h",
                    "-o", "Compression=yes", "-o", "IdentityFile ~/cli", "-o", "User=opt"),
            c("-p and -l override", "Host h\n  User cfg\n  Port 1\n", "h", "-p", "2345", "-l", "luser"),
            c("user@host", "Host h\n  User cfg\n  Port 1\nMatch user dest\n  Compression yes\n", "dest@h"),
            c("ssh URI", "Host h\n  User cfg\n  Port 1\nMatch user uri\n  Compression yes\n", "ssh://uri@h:2200"),
            c("quoted and equals syntax", "Host=q\n  IdentityFile=\"/tmp/a b\"\n  User = \"quoted user\"\n"
                    + "  port=2000 # comment\n", "q"));
    }

    private static Arguments c(String name, String config, String dest, String... args) {
        return Arguments.of(name, config, dest, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void skiffMatchesOpenSsh(String name, String config, String dest, List<String> args) throws Exception {
        dev.skiff.testing.Peers.requirePeer(SSH.toString());
        LocalContext current = LocalContext.current();
        Path cfg = Files.writeString(home.resolve("test_config"), config);
        boolean algorithms = args.contains("ALGORITHMS");
        List<String> cli = new ArrayList<>(List.of("-G", "-F", cfg.toString()));
        args.stream().filter(a -> !a.equals("ALGORITHMS")).forEach(cli::add);
        cli.add(dest);

        Map<String, List<String>> ssh = parse(ssh(cli));
        Map<String, List<String>> skiff = parse(skiff(cli, current));
        Set<String> compared = new TreeSet<>(KEYWORDS);
        if (algorithms) {
            compared.addAll(ALGORITHMS);
        }
        Map<String, List<String>> want = new TreeMap<>();
        Map<String, List<String>> got = new TreeMap<>();
        for (String k : compared) {
            if (ssh.containsKey(k)) {
                want.put(k, ssh.get(k));
            }
            if (skiff.containsKey(k)) {
                got.put(k, skiff.get(k));
            }
        }
        assertEquals(want, got, name);
    }

    private String skiff(List<String> args, LocalContext current) {
        Map<String, String> env = new HashMap<>(current.env());
        env.put("HOME", home.toString());
        ConfigCommand cmd = new ConfigCommand();
        cmd.local = new LocalContext(current.user(), current.home(), current.hostname(), env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args.toArray(String[]::new));
        assertEquals(0, rc, "skiff failed: " + err);
        return out.toString();
    }

    private String ssh(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(SSH.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("SSH_AUTH_SOCK");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(p.waitFor(20, TimeUnit.SECONDS), "ssh -G hung");
        assertEquals(0, p.exitValue(), "ssh -G failed for " + args);
        return text;
    }

    private static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> m = new TreeMap<>();
        for (String line : text.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                m.computeIfAbsent(line.substring(0, sp), k -> new ArrayList<>()).add(line.substring(sp + 1));
            }
        }
        return m;
    }
}
