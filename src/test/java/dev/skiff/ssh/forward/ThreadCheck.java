package dev.skiff.ssh.forward;

import java.util.List;
import java.util.stream.Collectors;

/** Finds live threads by name prefix, waiting a little for ones that are ending. */
public final class ThreadCheck {
    private ThreadCheck() {
    }

    public static List<String> live(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().collect(Collectors.toList());
    }

    /** The live threads named {@code prefix*} after waiting up to {@code millis} for them to end. */
    public static List<String> awaitNone(String prefix, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<String> l = live(prefix);
        while (!l.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            l = live(prefix);
        }
        return l;
    }
}
