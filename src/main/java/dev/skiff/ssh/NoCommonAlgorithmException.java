package dev.skiff.ssh;

import java.util.List;

/** Algorithm negotiation (RFC 4253 section 7.1) found no algorithm both sides support. */
public class NoCommonAlgorithmException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final String category;
    private final List<String> ours;
    private final List<String> theirs;

    public NoCommonAlgorithmException(String category, List<String> ours, List<String> theirs) {
        super("no matching " + category + " found: ours " + String.join(",", ours)
                + "; theirs " + String.join(",", theirs));
        this.category = category;
        this.ours = List.copyOf(ours);
        this.theirs = List.copyOf(theirs);
    }

    public String category() {
        return category;
    }

    public List<String> ours() {
        return ours;
    }

    public List<String> theirs() {
        return theirs;
    }
}
