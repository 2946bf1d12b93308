package dev.skiff.ssh.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.transport.kex.DhGroupExchange;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.Test;

class ModuliGroupsTest {
    static final BigInteger P2048 = DHStandardGroups.rfc3526_2048.getP();
    static final BigInteger P3072 = DHStandardGroups.rfc3526_3072.getP();
    static final BigInteger P4096 = DHStandardGroups.rfc3526_4096.getP();

    static String line(String type, String tests, String tries, BigInteger p, String g) {
        return "20240101000000 " + type + " " + tests + " " + tries + " " + (p.bitLength() - 1) + " " + g + " "
                + p.toString(16).toUpperCase();
    }

    static final String FILE = String.join("\n", "#    $OpenBSD-style comment", "",
            line("2", "6", "100", P2048, "2"), // line 3: usable
            line("2", "6", "100", P3072, "5"), // line 4: usable
            line("2", "6", "100", P3072, "2"), // line 5: usable, same size
            line("1", "6", "100", P4096, "2"), // not a safe prime type
            line("2", "2", "100", P4096, "2"), // no Miller-Rabin bit
            line("2", "7", "100", P4096, "2"), // composite bit
            line("2", "6", "0", P4096, "2"), // no tries
            "20240101000000 2 6 100 4095 2 " + P2048.toString(16), // size does not match
            "20240101000000 2 6 100 2047 2 XYZ", // not hex
            "too few fields", "");

    @Test
    void parsesOnlyUsableSafePrimes() {
        ModuliGroups m = ModuliGroups.parse(FILE);
        assertEquals(List.of(3, 4, 5), m.groups().stream().map(ModuliGroups.Group::line).toList());
        assertEquals(7, m.skipped());
        assertEquals(BigInteger.valueOf(5), m.groups().get(1).g());
    }

    @Test
    void choosesLikeOpenSsh() {
        ModuliGroups m = ModuliGroups.parse(FILE);
        assertEquals(3, m.choose(2048, 2048, 8192).line());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ModuliGroups.Group g = m.choose(2048, 2500, 8192); // nearest above: 3072, random among two
            assertEquals(3072, g.bits());
            seen.add(g.line());
        }
        assertEquals(Set.of(4, 5), seen);
        assertEquals(3072, m.choose(2048, 8192, 8192).bits()); // largest below the preferred size
        assertEquals(2048, m.choose(1024, 8192, 3000).bits());
        assertNull(m.choose(4096, 4096, 8192));
        // nothing in the file fits: the built-in groups answer
        assertArrayEquals(DhGroupExchange.chooseGroup(4096, 4096, 8192), m.chooseGroup(4096, 4096, 8192));
        assertEquals(P4096, m.chooseGroup(4096, 4096, 8192)[0]);
    }

    @Test
    void systemModuliFileLoads() throws Exception {
        Path sys = Path.of("/etc/ssh/moduli");
        dev.skiff.testing.Peers.requirePeer("/usr/sbin/sshd"); // openssh-server ships /etc/ssh/moduli
        org.junit.jupiter.api.Assertions.assertTrue(Files.isReadable(sys), "no /etc/ssh/moduli");
        ModuliGroups m = ModuliGroups.load(sys);
        assertTrue(m.groups().size() > 10, "groups: " + m.groups().size());
        assertEquals(0, m.skipped());
        ModuliGroups.Group g = m.choose(2048, 3072, 8192);
        assertEquals(3072, g.bits());
        assertTrue(g.p().isProbablePrime(20) && g.p().shiftRight(1).isProbablePrime(20));
    }
}
