package dev.skiff.ssh.transport;

/** Skiff's version, from the jar manifest when packaged. */
public final class Version {
    private Version() {
    }

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v == null) {
            return "0.1";
        }
        return v.replace("-SNAPSHOT", "");
    }
}
