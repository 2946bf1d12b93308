/*
 * Build-time program (not shipped): makes Skiff's app image and installers with jpackage.
 * Run by `mvn -Ppackage package` (exec-maven-plugin, see pom.xml), as a single-file source program:
 *
 *   java jpackage/Package.java <version> [--types default|app-image,deb,rpm,dmg,msi] [--no-cds]
 *
 * from the project directory, after `target/skiff.jar` and `target/lib/` exist. Steps:
 *  1. split target/lib: JavaFX platform jars -> target/jpackage/javafx (module path, linked into the
 *     runtime), every other jar + skiff.jar -> target/jpackage/input (class path, DESIGN.md §1);
 *  2. jpackage --type app-image with @jpackage/app-image.args @jpackage/<os>/app-image.args
 *     -> target/jpackage/image/Skiff (Skiff.app on macOS);
 *  3. AppCDS: one training start of that image under a display (xvfb-run when DISPLAY is unset)
 *     records its class list (-XX:DumpLoadedClassList, ending after the first frame with
 *     -Dskiff.exitAfterFirstFrame); a static archive of those classes is dumped next to it and
 *     -XX:SharedArchiveFile=$APPDIR/skiff.jsa is added to the launcher's configuration;
 *  4. installers from the image with @jpackage/installer.args @jpackage/<os>/installer.args
 *     (and @jpackage/<os>/<type>.args when present):
 *     Linux deb (+ rpm when rpmbuild exists), macOS dmg, Windows msi -> target/jpackage/installer.
 * Why a program and not jpackage-maven-plugin: one place for the per-OS choice, the jar split and the
 * CDS training run, the options stay in plain jpackage @argfiles, and no extra plugin is needed.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

public class Package {

    static final Path TARGET = Path.of("target");
    static final Path WORK = TARGET.resolve("jpackage");
    static final String OS = os();

    public static void main(String[] args) throws Exception {
        String version = numericVersion(args[0]);
        List<String> options = Arrays.asList(args);
        boolean cds = !options.contains("--no-cds");
        List<String> types = defaultTypes();
        int typesAt = options.indexOf("--types");
        if (typesAt >= 0 && !options.get(typesAt + 1).equals("default")) {
            types = Arrays.asList(options.get(typesAt + 1).split(","));
        }

        deleteTree(WORK);
        Path input = Files.createDirectories(WORK.resolve("input"));
        Path javafx = Files.createDirectories(WORK.resolve("javafx"));
        splitJars(input, javafx);

        Path images = WORK.resolve("image");
        jpackage(List.of("@jpackage/app-image.args", "@jpackage/" + OS + "/app-image.args",
                "--type", "app-image", "--app-version", version, "--input", input.toString(),
                "--module-path", javafx.toString(), "--dest", images.toString()));
        Path image = images.resolve(OS.equals("mac") ? "Skiff.app" : "Skiff");
        if (cds) {
            trainCds(image);
        }
        // Linux packages dump the archive at install time (postinst), for the installed class path
        Path archive = image.resolve("lib/app/skiff.jsa");
        Path parked = WORK.resolve("skiff.jsa");
        if (OS.equals("linux") && Files.exists(archive)) {
            Files.move(archive, parked);
        }
        for (String type : types) {
            if (type.equals("rpm") && !onPath("rpmbuild")) {
                System.out.println("package: rpmbuild not found, no .rpm");
                continue;
            }
            if (!type.isBlank() && !type.equals("app-image")) {
                List<String> arguments = new ArrayList<>(List.of("@jpackage/installer.args",
                        "@jpackage/" + OS + "/installer.args"));
                if (Files.exists(Path.of("jpackage", OS, type + ".args"))) {
                    arguments.add("@jpackage/" + OS + "/" + type + ".args");
                }
                arguments.addAll(List.of("--type", type, "--app-version", version,
                        "--app-image", image.toString(), "--dest", WORK.resolve("installer").toString()));
                jpackage(arguments);
            }
        }
        if (Files.exists(parked)) {
            Files.move(parked, archive);
        }
        try (Stream<Path> made = Files.list(WORK.resolve(Files.exists(WORK.resolve("installer")) ? "installer" : "image"))) {
            made.forEach(p -> System.out.println("package: built " + p));
        }
    }

    static void splitJars(Path input, Path javafx) throws IOException {
        Files.copy(TARGET.resolve("skiff.jar"), input.resolve("skiff.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                String name = jar.getFileName().toString();
                if (!name.startsWith("javafx-")) {
                    Files.copy(jar, input.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                } else if (name.matches("javafx-.*-(linux|mac|win)(-aarch64)?\\.jar")) {
                    Files.copy(jar, javafx.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                } // the classifier-less javafx-*.jar are empty placeholders
            }
        }
    }

    /**
     * AppCDS: records the classes one start-up loads (lib/app/skiff.classlist), then dumps a static
     * archive of them (lib/app/skiff.jsa) and makes the launcher use it. JDK 17 accepts an archive
     * only at the class path it was dumped for, so on Linux the package's postinst dumps it again
     * at the installed location with the same class list (packaging/linux/skiff-cds.sh).
     */
    static void trainCds(Path image) throws Exception {
        Path appDir = (OS.equals("mac") ? image.resolve("Contents/app") : image.resolve("lib/app")).toAbsolutePath();
        Path launcher = switch (OS) {
            case "mac" -> image.resolve("Contents/MacOS/Skiff");
            case "windows" -> image.resolve("Skiff.exe");
            default -> image.resolve("bin/Skiff");
        };
        Path javaExe = switch (OS) {
            case "mac" -> image.resolve("Contents/runtime/Contents/Home/bin/java");
            case "windows" -> image.resolve("runtime/bin/java.exe");
            default -> image.resolve("lib/runtime/bin/java");
        };
        Path classList = appDir.resolve("skiff.classlist");
        Path archive = appDir.resolve("skiff.jsa");
        List<String> command = new ArrayList<>();
        if (OS.equals("linux") && System.getenv("DISPLAY") == null) {
            if (!onPath("xvfb-run")) {
                System.out.println("package: no DISPLAY and no xvfb-run: app image without AppCDS archive");
                return;
            }
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(launcher.toAbsolutePath().toString());
        ProcessBuilder training = new ProcessBuilder(command).inheritIO();
        training.environment().put("JAVA_TOOL_OPTIONS",
                "-XX:DumpLoadedClassList=" + classList + " -Dskiff.exitAfterFirstFrame=true");
        run(training, "AppCDS training run");

        Path cfg = appDir.resolve("Skiff.cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        String classPath = text.lines().filter(l -> l.startsWith("app.classpath="))
                .map(l -> l.substring("app.classpath=".length()).replace("$APPDIR", appDir.toString()))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        run(new ProcessBuilder(javaExe.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath)
                .redirectErrorStream(true).redirectOutput(WORK.resolve("cds-dump.log").toFile()), "AppCDS dump");
        text = text.replace("[JavaOptions]\n", "[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/skiff.jsa\n");
        Files.writeString(cfg, text, StandardCharsets.UTF_8);
        if (OS.equals("linux")) {
            Files.copy(Path.of("packaging/linux/skiff-cds.sh"), image.resolve("lib/skiff-cds.sh"));
        }
        System.out.println("package: AppCDS archive " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
    }

    static void run(ProcessBuilder builder, String what) throws Exception {
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException(what + " did not finish in 180 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " failed (exit " + process.exitValue() + ")");
        }
    }

    static void jpackage(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jpackage").toString());
        command.addAll(arguments);
        System.out.println("package: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("jpackage failed with exit " + process.exitValue());
        }
    }

    static List<String> defaultTypes() {
        return switch (OS) {
            case "mac" -> List.of("dmg");
            case "windows" -> List.of("msi");
            default -> List.of("deb", "rpm");
        };
    }

    /** jpackage wants 1-3 dot-separated numbers: 0.1.0-SNAPSHOT -> 0.1.0. */
    static String numericVersion(String version) {
        String numeric = version.replaceAll("[^0-9.].*$", "").replaceAll("\\.$", "");
        return numeric.isEmpty() ? "0.0.0" : numeric;
    }

    static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.startsWith("mac") ? "mac" : name.startsWith("windows") ? "windows" : "linux";
    }

    static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
