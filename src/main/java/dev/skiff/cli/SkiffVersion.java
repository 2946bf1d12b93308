package dev.skiff.cli;

import picocli.CommandLine.IVersionProvider;

/** Version text for {@code --version}, taken from the jar manifest's {@code Implementation-Version}. */
public final class SkiffVersion implements IVersionProvider {

    /** Shown when the classes do not come from a packaged jar (IDE, {@code target/classes}). */
    static final String FALLBACK = "development build";

    /** The version of the running Skiff, or {@link #FALLBACK}. */
    public static String current() {
        String version = SkiffVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? FALLBACK : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "skiff " + current(),
            "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}",
        };
    }
}
