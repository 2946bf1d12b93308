package dev.skiff.app;

/** The sentence that says what quitting would end ("2 terminal sessions are open and 1 transfer is not finished."). */
final class QuitSummary {
    private QuitSummary() {
    }

    /** Empty when nothing runs. */
    static String of(int sessions, int transfers) {
        String s = sessions == 0 ? "" : sessions == 1 ? "1 terminal session is open" : sessions + " terminal sessions are open";
        String t = transfers == 0 ? "" : transfers == 1 ? "1 transfer is not finished" : transfers + " transfers are not finished";
        if (s.isEmpty() && t.isEmpty()) {
            return "";
        }
        return (s.isEmpty() ? t : t.isEmpty() ? s : s + " and " + t) + ".";
    }
}
