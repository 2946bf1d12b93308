package dev.skiff.ssh.knownhosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appenders running at the same time never lose, merge or tear lines. */
class ConcurrentAppendTest {
    static final int THREADS = 8;
    static final int PER_THREAD = 50;
    static final String FIRST = "first.org " + TestKey.of("ssh-rsa", 1).toOpenSshString();

    @TempDir
    Path dir;

    @Test
    void eightThreadsAppendFourHundredIntactLines() throws Exception {
        Path path = dir.resolve("known_hosts");
        Files.writeString(path, FIRST); // no final newline: exactly one must be added
        runThreads(path);
        List<String> lines = Files.readAllLines(path);
        assertEquals(1 + THREADS * PER_THREAD, lines.size());
        assertEquals(FIRST, lines.get(0));
        assertAllAppendedLinesIntact(path, lines);
    }

    @Test
    void threadsAndAnUnlockedShellAppenderInterleaveCleanly() throws Exception {
        Path sh = Path.of("/bin/sh");
        org.junit.jupiter.api.Assertions.assertTrue(Files.isExecutable(sh), sh + " is needed");
        Path path = dir.resolve("known_hosts");
        Files.writeString(path, FIRST + "\n");
        String shellLine = "shell.org " + TestKey.of("ssh-ed25519", 2).toOpenSshString();
        // Like OpenSSH's ssh: O_APPEND, one write per line, no lock.
        Process shell = new ProcessBuilder(sh.toString(), "-c",
                "i=0; while [ $i -lt 200 ]; do echo \"$1\" >> \"$2\"; i=$((i+1)); done", "sh", shellLine, path.toString())
                .redirectErrorStream(true).start();
        runThreads(path);
        assertTrue(shell.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, shell.exitValue());
        List<String> lines = Files.readAllLines(path);
        assertEquals(1 + 200 + THREADS * PER_THREAD, lines.size());
        List<String> ours = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.equals(shellLine)) {
                ours.add(line);
            }
        }
        assertEquals(THREADS * PER_THREAD, ours.size());
        List<String> all = new ArrayList<>(List.of(FIRST));
        all.addAll(ours);
        assertAllAppendedLinesIntact(path, all);
    }

    private static void runThreads(Path path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Void> task = () -> {
                    KnownHostsFile file = KnownHostsFile.load(path);
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        file.append(host(thread, i), 22, key(thread, i), i % 2 == 0);
                    }
                    return null;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertAllAppendedLinesIntact(Path path, List<String> lines) throws Exception {
        KnownHostsFile file = KnownHostsFile.load(path);
        for (KnownHostsLine line : file.lines()) {
            assertEquals(KnownHostsLine.Kind.ENTRY, line.kind(), line.text());
        }
        Set<String> texts = new HashSet<>(lines.subList(1, lines.size()));
        assertEquals(THREADS * PER_THREAD, texts.size());
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PER_THREAD; i++) {
                assertEquals(HostKeyStatus.OK, file.check(host(t, i), 22, key(t, i)), host(t, i));
            }
        }
    }

    private static String host(int thread, int i) {
        return "t" + thread + "-" + i + ".example.org";
    }

    private static TestKey key(int thread, int i) {
        return TestKey.of("ssh-ed25519", 1000 * (thread + 1) + i);
    }
}
