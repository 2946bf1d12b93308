package dev.skiff.app.sftp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Human-readable sizes, rates, times and permission strings. Pure functions, any thread. */
public final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Formats() {
    }

    /** 1536 → "1.5 KiB"; negative → "". */
    public static String size(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, UNITS[u]);
    }

    public static String rate(double bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : size((long) bytesPerSecond) + "/s";
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    public static String date(Instant t) {
        return t == null ? "" : DATE.format(t);
    }

    /** 0755 with directory → "drwxr-xr-x"; -1 → "". */
    public static String permissions(int mode, boolean directory) {
        if (mode < 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(directory ? "d" : "-");
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            b.append((mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        }
        return b.toString();
    }

    public static String octal(int mode) {
        return mode < 0 ? "" : String.format(Locale.ROOT, "%04o", mode & 07777);
    }
}
