package dev.skiff.ssh.server;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.transport.kex.DhGroupExchange;
import dev.skiff.ssh.transport.kex.DhGroupSource;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Group-exchange groups from an OpenSSH moduli file ({@code moduli(5)}, e.g. {@code /etc/ssh/moduli}),
 * chosen like OpenSSH's sshd: among the groups within the client's [min, max], the size nearest
 * above the preferred one (else the largest below it), and a random group of that size. When the
 * file has no group in range, the built-in RFC 3526 groups answer ({@link DhGroupExchange#chooseGroup}).
 *
 * <p>File format: one group per line, {@code time type tests tries size generator modulus}, fields
 * separated by blanks; {@code #} starts a comment line. {@code size} is the modulus length in bits
 * minus one; {@code modulus} is hexadecimal. Only safe primes (type 2) that passed Miller-Rabin
 * (tests bit 0x04, no "composite" bit 0x01) with tries &gt; 0 and a size that matches the modulus
 * are kept; other lines are skipped and counted. Immutable and thread-safe once loaded.
 */
public final class ModuliGroups implements DhGroupSource {
    /** A moduli file bigger than this is refused. */
    static final long MAX_FILE_BYTES = 16L << 20;
    static final int TYPE_SAFE = 2;
    static final int TESTS_COMPOSITE = 0x01;
    static final int TESTS_MILLER_RABIN = 0x04;

    /** One usable group and the line it came from (1-based). */
    public record Group(BigInteger p, BigInteger g, int line) {
        public int bits() {
            return p.bitLength();
        }
    }

    private final List<Group> groups;
    private final int skipped;
    private final SecureRandom random = new SecureRandom();

    ModuliGroups(List<Group> groups, int skipped) {
        this.groups = List.copyOf(groups);
        this.skipped = skipped;
    }

    /** Reads and parses a moduli file. @throws SshException if it cannot be read or is too large */
    public static ModuliGroups load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new SshException("moduli file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Parses moduli text; bad lines are skipped (see {@link #skipped()}). */
    public static ModuliGroups parse(String text) {
        List<Group> groups = new ArrayList<>();
        int skipped = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Group g = parseLine(line, i + 1);
            if (g == null) {
                skipped++;
            } else {
                groups.add(g);
            }
        }
        return new ModuliGroups(groups, skipped);
    }

    static Group parseLine(String line, int number) {
        String[] f = line.split("[ \t]+");
        if (f.length != 7) {
            return null;
        }
        try {
            int type = Integer.parseInt(f[1]);
            int tests = Integer.parseInt(f[2]);
            int tries = Integer.parseInt(f[3]);
            int size = Integer.parseInt(f[4]);
            if (type != TYPE_SAFE || (tests & TESTS_COMPOSITE) != 0 || (tests & TESTS_MILLER_RABIN) == 0 || tries <= 0
                    || size < 1 || size >= DhGroupExchange.MAX_BITS * 2 || f[6].length() > size / 4 + 2) {
                return null;
            }
            BigInteger g = new BigInteger(f[5], 16);
            BigInteger p = new BigInteger(f[6], 16);
            if (p.bitLength() != size + 1 || g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
                return null;
            }
            return new Group(p, g, number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The usable groups, in file order. */
    public List<Group> groups() {
        return groups;
    }

    /** Lines that were not comments or blank but could not be used. */
    public int skipped() {
        return skipped;
    }

    /**
     * OpenSSH's choice: the best size is the smallest one at or above {@code preferred} within
     * [min, max], else the largest within [min, max]; null when no group of the file is in range.
     */
    public Group choose(int min, int preferred, int max) {
        int best = 0;
        for (Group g : groups) {
            int bits = g.bits();
            if (bits < min || bits > max) {
                continue;
            }
            if ((bits >= preferred && (best < preferred || bits < best)) || (best < preferred && bits > best)) {
                best = bits;
            }
        }
        if (best == 0) {
            return null;
        }
        List<Group> candidates = new ArrayList<>();
        for (Group g : groups) {
            if (g.bits() == best) {
                candidates.add(g);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    @Override
    public BigInteger[] chooseGroup(int min, int preferred, int max) {
        Group g = choose(min, preferred, max);
        return g == null ? DhGroupExchange.chooseGroup(min, preferred, max) : new BigInteger[] {g.p(), g.g()};
    }
}
