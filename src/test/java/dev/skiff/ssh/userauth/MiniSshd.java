package dev.skiff.ssh.userauth;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-memory stand-in for sshd's user authentication (OpenSSH semantics: AuthenticationMethods
 * stages, MaxAuthTries counting as in auth2.c, PAM-like keyboard-interactive rounds, banner after
 * the first request). For unit tests of {@link Authenticator}.
 */
final class MiniSshd implements FakeAuthTransport.Script {
    private static final List<String> ORDER = List.of("publickey", "password", "keyboard-interactive");

    List<Set<String>> stages = List.of(Set.of("publickey", "password", "keyboard-interactive"));
    List<SshPublicKey> acceptedKeys = new ArrayList<>();
    String password = "right";
    boolean passwordExpired;
    List<UserauthInfoRequest> kbdRounds = List.of(new UserauthInfoRequest("", "", "",
            List.of(new Prompt("Password: ", false))));
    String banner;
    int maxAuthTries = 6;
    FakeAuthTransport transport;

    final List<String> log = new ArrayList<>();
    int failures;
    private int stage;
    private int requests;
    private int kbdRound = -1;
    private boolean kbdAnswersOk;

    FakeAuthTransport start() {
        transport = new FakeAuthTransport(this);
        return transport;
    }

    @Override
    public List<byte[]> reply(byte[] p) throws Exception {
        List<byte[]> out = new ArrayList<>();
        if (p[0] == SshMessages.USERAUTH_INFO_RESPONSE) {
            return infoResponse(UserauthInfoResponse.decode(p));
        }
        UserauthRequest r = UserauthRequest.decode(p);
        requests++;
        kbdRound = -1;
        if (requests == 1 && banner != null) {
            out.add(new UserauthBanner(banner, "").encode());
        }
        log.add(r.method());
        if (!stages.get(stage).contains(r.method())) {
            out.addAll(fail(r.method()));
            return out;
        }
        WireReader f = new WireReader(r.methodFields());
        switch (r.method()) {
            case "publickey" -> out.addAll(publicKey(f));
            case "password" -> out.addAll(password(f));
            case "keyboard-interactive" -> {
                kbdRound = 0;
                kbdAnswersOk = true;
                out.add(kbdRounds.get(0).encode());
            }
            default -> out.addAll(fail(r.method()));
        }
        return out;
    }

    private List<byte[]> publicKey(WireReader f) throws Exception {
        boolean signed = f.bool();
        String alg = f.ascii();
        byte[] blob = f.string();
        boolean known = acceptedKeys.stream().anyMatch(k -> Arrays.equals(k.blob(), blob));
        if (!known) {
            return fail("publickey");
        }
        if (!signed) {
            return List.of(new UserauthPkOk(alg, blob).encode());
        }
        byte[] sig = f.string();
        byte[] data = new WireWriter().string(transport.sessionId).byteValue(50).utf8("alice").utf8("ssh-connection")
                .utf8("publickey").bool(true).utf8(alg).string(blob).toByteArray();
        SshPublicKey key = acceptedKeys.stream().filter(k -> Arrays.equals(k.blob(), blob)).findFirst().orElseThrow();
        return SignatureAlgorithm.byName(alg).orElseThrow().verify(key, data, sig) ? advance() : fail("publickey");
    }

    private List<byte[]> password(WireReader f) throws Exception {
        boolean change = f.bool();
        String given = f.utf8();
        if (!given.equals(password)) {
            return fail("password");
        }
        if (change) {
            password = f.utf8();
            passwordExpired = false;
        }
        if (passwordExpired) {
            return List.of(new UserauthPasswdChangereq("Your password has expired.\nNew password:", "").encode());
        }
        return advance();
    }

    private List<byte[]> infoResponse(UserauthInfoResponse resp) throws Exception {
        if (kbdRound < 0) {
            throw new AssertionError("INFO_RESPONSE without a round");
        }
        UserauthInfoRequest asked = kbdRounds.get(kbdRound);
        if (resp.responses().length != asked.prompts().size()) {
            throw new AssertionError("answered " + resp.responses().length + " of " + asked.prompts().size());
        }
        for (char[] a : resp.responses()) {
            kbdAnswersOk &= new String(a).equals(password);
        }
        kbdRound++;
        if (kbdRound < kbdRounds.size()) {
            return List.of(kbdRounds.get(kbdRound).encode());
        }
        kbdRound = -1;
        return kbdAnswersOk ? advance() : fail("keyboard-interactive");
    }

    private List<byte[]> advance() {
        stage++;
        if (stage == stages.size()) {
            return List.of(FakeAuthTransport.success());
        }
        return List.of(new UserauthFailure(allowed(), true).encode());
    }

    private List<byte[]> fail(String method) {
        if (requests > 1 || !method.equals("none")) {
            failures++;
        }
        if (failures >= maxAuthTries) {
            transport.disconnect(new PeerDisconnectedException(DisconnectReason.PROTOCOL_ERROR,
                    "peer disconnected: Too many authentication failures"));
            return List.of();
        }
        return List.of(new UserauthFailure(allowed(), false).encode());
    }

    private List<String> allowed() {
        Set<String> a = new LinkedHashSet<>();
        for (String m : ORDER) {
            if (stages.get(stage).contains(m)) {
                a.add(m);
            }
        }
        return List.copyOf(a);
    }
}
