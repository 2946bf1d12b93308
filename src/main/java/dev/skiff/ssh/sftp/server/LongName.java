package dev.skiff.ssh.sftp.server;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code longname} of a READDIR entry (filexfer-02 section 7, "SSH_FXP_NAME"), in the
 * {@code ls -l} layout OpenSSH's sftp-server produces: mode string, link count (width 3), owner
 * and group (left-aligned, at least 8 wide), size (width 8), date ({@code "Mmm dd HH:MM"} within
 * six months, {@code "Mmm dd  yyyy"} otherwise, C-locale month names, local time zone), name.
 */
public final class LongName {
    private static final long SIX_MONTHS = 365L * 24 * 3600 / 2;
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT);

    private LongName() {
    }

    public static String of(String name, FileStat st, long nowSeconds) {
        long mtime = st.attrs().mtime();
        ZonedDateTime t = Instant.ofEpochSecond(mtime).atZone(ZoneId.systemDefault());
        boolean recent = mtime <= nowSeconds && mtime > nowSeconds - SIX_MONTHS;
        String date = (recent ? RECENT : OLD).format(t);
        return String.format(Locale.ROOT, "%s %3d %-8s %-8s %8d %s %s", modeString(st.attrs().permissions()),
                st.nlink(), st.owner(), st.group(), st.attrs().size(), date, name);
    }

    /** {@code ls}-style mode string such as {@code drwxr-xr-x} or {@code -rwsr-x--T}. */
    public static String modeString(long mode) {
        char[] s = new char[10];
        switch ((int) (mode & FileStat.S_IFMT)) {
            case FileStat.S_IFDIR: s[0] = 'd'; break;
            case FileStat.S_IFLNK: s[0] = 'l'; break;
            case 0020000: s[0] = 'c'; break;
            case 0060000: s[0] = 'b'; break;
            case 0010000: s[0] = 'p'; break;
            case 0140000: s[0] = 's'; break;
            case FileStat.S_IFREG: s[0] = '-'; break;
            default: s[0] = '?';
        }
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s[i + 1] = (mode & (1L << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        }
        special(s, 3, (mode & 04000) != 0, 's');
        special(s, 6, (mode & 02000) != 0, 's');
        special(s, 9, (mode & 01000) != 0, 't');
        return new String(s);
    }

    private static void special(char[] s, int i, boolean set, char c) {
        if (set) {
            s[i] = s[i] == 'x' ? c : Character.toUpperCase(c);
        }
    }
}
