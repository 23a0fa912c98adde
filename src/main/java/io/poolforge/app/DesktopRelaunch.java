package io.poolforge.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's path, {@code java -jar poolforge.jar}: JavaFX must be named modules, which {@code java -jar} cannot
 * arrange, so the desktop runs in a second JVM with JavaFX's jars on the module path (PF-14). That JVM gets what the
 * installed launcher gets (PF-21): the launcher's JVM options, read from {@code packaging/jvm-options} (packed into
 * the jar, the one list both use), and a class-data archive (JDK 17 AppCDS) made for this user, kept in
 * PoolForge's cache folder ({@link AppPaths#cache()}).
 *
 * <p>The archive: JDK 17.0.15's dynamic archive ({@code -XX:ArchiveClassesAtExit}) crashes at exit on this class path
 * too ({@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}, reproduced 2026-12-07 on the relaunched
 * desktop), so it is a static archive of the classes in the committed list {@code packaging/classes.lst}, as the
 * installed app's ({@code packaging/make-cds.sh}). It is made by a separate low-priority JVM ({@link #main}) once the
 * first desktop has been up for {@link #ARCHIVE_DELAY_SECONDS} seconds (or has closed), never before a start. Its
 * name carries a key of the JDK, the launcher options and the size and time stamp of every jar of the class and module
 * path, so a new build or JDK gets a new archive (the old ones are deleted when it is made). A start uses it only once
 * it has been written whole and checked; and always with {@code -Xshare:auto}, so an archive the JVM refuses is
 * ignored and the desktop starts without it.
 *
 * <p>The build makes the same archive ({@code mvn package}, pom.xml) in {@code cds/} beside the jar, keyed the same
 * way, so the README's very first start maps one too (PF-21 fourth pass); a {@code java -jar} with JVM options, another
 * JDK or moved jars has another key and makes its own after its first start, as before.
 */
public final class DesktopRelaunch {
    /** The launcher's JVM options and the class list, packed from {@code packaging/} by the build (pom.xml). */
    static final String OPTIONS_RESOURCE = "/io/poolforge/app/launch/jvm-options";
    static final String CLASS_LIST_RESOURCE = "/io/poolforge/app/launch/classes.lst";
    /** How long the first desktop runs before the archive is made beside it (its start and first connection are done). */
    static final int ARCHIVE_DELAY_SECONDS = 20;
    /** The system property that turns on the SDK warm-up beside the first-run sandbox's start (azure.sdk.SdkConnector). */
    static final String SDK_WARM_UP = "poolforge.sdkWarmUp";

    private DesktopRelaunch() {
    }

    /**
     * Whether JavaFX is a named module of the boot layer (the installed launcher, or {@code --module-path}). A plain loop:
     * {@code ModuleLayer.boot().findModule} streams over the parent layers when the module is absent, which is exactly
     * {@code java -jar}'s case, and its lambdas cost the relaunching JVM ~20 ms (PF-21 second pass).
     */
    public static boolean javafxInBootLayer() {
        for (Module m : ModuleLayer.boot().modules()) {
            if ("javafx.graphics".equals(m.getName())) return true;
        }
        return false;
    }

    /** What the relaunch needs of this JVM. {@code classPath} and {@code javafxModules} are absolute. */
    record Jvm(String javaCommand, List<String> inputArguments, List<Path> classPath, List<Path> javafxModules,
               String vmVersion) {
    }

    /** This JVM, if it is one that can relaunch: a jar beside a lib/ folder holding JavaFX's platform jars. */
    static Optional<Jvm> current() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            Path lib = jar.getParent() == null ? null : jar.getParent().resolve("lib");
            if (lib == null || !Files.isDirectory(lib)) return Optional.empty();
            List<Path> modules;
            modules = new ArrayList<>();
            for (Path f : jars(lib)) {
                if (FX_JAR.matcher(f.getFileName().toString()).matches()) modules.add(f.toAbsolutePath());
            }
            if (modules.isEmpty()) return Optional.empty();
            // This JDK's launcher. Not ProcessHandle.current().info(): its first use starts a thread pool and bootstraps
            // lambdas, ~25 ms of the relaunching JVM's path (PF-21 second pass, docs/BENCHMARKS.md).
            String javaCmd = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Path> cp = new ArrayList<>();
            for (String e : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
                if (!e.isBlank()) cp.add(Path.of(e).toAbsolutePath());
            }
            return Optional.of(new Jvm(javaCmd, java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    cp, modules, System.getProperty("java.vm.version")));
        } catch (java.net.URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final Pattern FX_JAR = Pattern.compile("javafx-[a-z]+-[0-9.]+-(linux|win|mac)[a-z0-9-]*\\.jar");

    /**
     * The jars of a folder, sorted. Plain loops, no lambdas or streams, here and on the rest of the relaunching JVM's
     * path: their first use costs that JVM ~60 classes of java.lang.invoke before the desktop JVM is even started.
     */
    static List<Path> jars(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path f : files) out.add(f);
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** The launcher's JVM options: every line of {@code jvm-options} that is not blank or a comment. */
    static List<String> launcherOptions() {
        try (InputStream in = DesktopRelaunch.class.getResourceAsStream(OPTIONS_RESOURCE)) {
            return in == null ? List.of() : parseOptions(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> parseOptions(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) out.add(l);
        }
        return out;
    }

    private static final Pattern GC = Pattern.compile("-XX:[+-]Use[A-Za-z0-9]*GC");
    private static final Pattern XX = Pattern.compile("-XX:[+-]?([A-Za-z0-9_]+).*");
    private static final Pattern X_SIZE = Pattern.compile("-X(ms|mx|mn|ss)[0-9].*");

    /** What an option sets, so that one the user gave {@code java -jar} replaces the launcher's ({@code -Xmx}, a GC, ...). */
    static String optionKind(String option) {
        if (GC.matcher(option).matches()) return "gc";
        Matcher m = X_SIZE.matcher(option);
        if (m.matches()) return "X" + m.group(1);
        if (option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")) return "share";
        m = XX.matcher(option);
        if (m.matches()) return m.group(1);
        int eq = option.indexOf('=');
        return eq > 0 ? option.substring(0, eq) : option;
    }

    /**
     * java [launcher options the user did not set] [this JVM's options] [-XX:SharedArchiveFile=A -Xshare:auto]
     * -Dpoolforge.relaunched=true --module-path JAVAFX --add-modules javafx.controls -cp CLASS_PATH mainClass args.
     */
    static List<String> command(Jvm jvm, List<String> launcherOptions, Optional<Path> archive, String mainClass, List<String> args) {
        Set<String> userKinds = new java.util.HashSet<>();
        for (String a : jvm.inputArguments()) userKinds.add(optionKind(a));
        List<String> cmd = new ArrayList<>();
        cmd.add(jvm.javaCommand());
        for (String o : launcherOptions) if (!userKinds.contains(optionKind(o))) cmd.add(o);
        cmd.addAll(jvm.inputArguments());
        if (archive.isPresent() && !userKinds.contains("share") && !classFileHooks(jvm.inputArguments())) {
            cmd.add("-XX:SharedArchiveFile=" + archive.get());
            cmd.add("-Xshare:auto");
        } else {
            // No archive (the first start): the SDK's classes load from the jars, so building them beside the sandbox's
            // start pays (SdkConnector.warmUpBeside); with the archive it only competed with that start (PF-21 second pass).
            cmd.add("-D" + SDK_WARM_UP + "=true");
        }
        cmd.add("-Dpoolforge.relaunched=true");
        cmd.addAll(modulePathAndClassPath(jvm));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Whether the user's options load something that hooks class loading (JFR, an agent): JDK 17.0.15 crashed with
     * JFR and this static archive (SIGSEGV in KlassFactory::check_shared_class_file_load_hook, 2026-12-07), so the
     * desktop then starts without the archive.
     */
    static boolean classFileHooks(List<String> userOptions) {
        for (String o : userOptions) {
            if (o.startsWith("-XX:StartFlightRecording") || o.startsWith("-XX:+FlightRecorder") || o.startsWith("-javaagent")
                    || o.startsWith("-agentlib") || o.startsWith("-agentpath")) return true;
        }
        return false;
    }

    private static List<String> modulePathAndClassPath(Jvm jvm) {
        if (jvm.javafxModules().isEmpty()) return List.of("-cp", join(jvm.classPath()));
        return List.of("--module-path", join(jvm.javafxModules()), "--add-modules", "javafx.controls", "-cp", join(jvm.classPath()));
    }

    private static String join(List<Path> paths) {
        StringBuilder b = new StringBuilder();
        for (Path p : paths) b.append(b.length() == 0 ? "" : File.pathSeparator).append(p);
        return b.toString();
    }

    /**
     * The archive's key: the JDK, the options it is dumped with, and every jar of the class and module path with its
     * size and time stamp (a JDK 17 archive holds only for the jars it was dumped from), plus the jars' own manifest
     * class path (lib/ beside poolforge.jar).
     */
    static String archiveKey(Jvm jvm, List<String> launcherOptions) {
        try {
            List<String> parts = new ArrayList<>();
            parts.add(jvm.javaCommand());
            parts.add(jvm.vmVersion());
            parts.addAll(archiveOptions(jvm, launcherOptions));
            List<Path> jars = new ArrayList<>(jvm.classPath());
            jars.addAll(jvm.javafxModules());
            for (Path p : jvm.classPath()) {
                Path lib = p.getParent() == null ? null : p.getParent().resolve("lib");
                if (lib != null && Files.isDirectory(lib)) {
                    jars.addAll(jars(lib));
                }
            }
            for (Path j : jars) {
                parts.add(j + "|" + (Files.exists(j) ? Files.size(j) + "|" + Files.getLastModifiedTime(j).toMillis() : "-"));
            }
            // A cache key, not a secret: 64 bits of two checksums. Not MessageDigest: initialising the security providers
            // cost the relaunching JVM ~20 ms before the desktop's start (PF-21 second pass). A key that collided would
            // only offer an archive the JVM checks itself (jar sizes and times) and ignores with -Xshare:auto.
            byte[] text = String.join("\n", parts).getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(text);
            long fnv = 0xcbf29ce484222325L;
            for (byte b : text) fnv = (fnv ^ (b & 0xff)) * 0x100000001b3L;
            return HexFormat.of().toHexDigits((crc.getValue() << 32) | ((fnv ^ (fnv >>> 32)) & 0xffffffffL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options of the relaunched JVM that an archive must be dumped with (the launcher's and the user's heap, GC ...). */
    static List<String> archiveOptions(Jvm jvm, List<String> launcherOptions) {
        List<String> cmd = command(jvm, launcherOptions, Optional.empty(), "x", List.of());
        // Between the java command and -Dpoolforge.relaunched: the launcher's options and the user's; no -D, no agents.
        List<String> out = new ArrayList<>();
        for (String o : cmd.subList(1, cmd.indexOf("-Dpoolforge.relaunched=true"))) {
            if (o.startsWith("-X") && !o.startsWith("-Xshare") && !o.startsWith("-XX:SharedArchiveFile")
                    && !o.startsWith("-XX:ArchiveClassesAtExit") && !o.startsWith("-Xlog")) out.add(o);
        }
        return out;
    }

    /** The folder of the archives and the file this JVM's relaunch would map. */
    record Archive(Path folder, String key) {
        Path file() { return folder.resolve("poolforge-" + key + ".jsa"); }
        Path classList() { return folder.resolve("classes-" + key + ".lst"); }
        Path partial() { return folder.resolve("poolforge-" + key + ".jsa.part"); }
        boolean ready() { return Files.isRegularFile(file()); }
    }

    static Archive archive(AppPaths paths, Jvm jvm, List<String> launcherOptions) {
        return new Archive(paths.cache().resolve("cds"), archiveKey(jvm, launcherOptions));
    }

    /** The system property naming the folder the archive maker ({@link #main}) writes to instead of the user's cache. */
    static final String ARCHIVE_FOLDER = "poolforge.archiveFolder";

    /**
     * The folder of the archive the build makes ({@code mvn package}, pom.xml): {@code cds/} beside poolforge.jar, so
     * that the README's first start already maps one (PF-21 fourth pass). Same key, same dump, as the user's own.
     */
    static Optional<Path> buildFolder(Jvm jvm) {
        if (jvm.classPath().isEmpty()) return Optional.empty();
        Path parent = jvm.classPath().get(0).getParent();
        return parent == null ? Optional.empty() : Optional.of(parent.resolve("cds"));
    }

    /** The archive this start maps: the user's (made after an earlier start), else the build's, if either is whole. */
    static Optional<Path> ready(Archive a, Jvm jvm) {
        if (a.ready()) return Optional.of(a.file());
        Optional<Path> folder = buildFolder(jvm);
        if (folder.isEmpty()) return Optional.empty();
        Archive built = new Archive(folder.get(), a.key());
        return built.ready() ? Optional.of(built.file()) : Optional.empty();
    }

    /** The dump: a static archive of the committed class list for exactly the relaunched JVM's paths and options. */
    static List<String> dumpCommand(Jvm jvm, List<String> launcherOptions, Archive a) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jvm.javaCommand());
        cmd.add("-Xshare:dump");
        cmd.add("-XX:SharedClassListFile=" + a.classList());
        cmd.add("-XX:SharedArchiveFile=" + a.partial());
        cmd.addAll(archiveOptions(jvm, launcherOptions));
        cmd.addAll(modulePathAndClassPath(jvm));
        return cmd;
    }

    /** A JVM that must map the archive ({@code -Xshare:on} fails otherwise) and print its version. */
    static List<String> checkCommand(Jvm jvm, List<String> launcherOptions, Archive a) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jvm.javaCommand());
        cmd.add("-XX:SharedArchiveFile=" + a.partial());
        cmd.add("-Xshare:on");
        cmd.addAll(archiveOptions(jvm, launcherOptions));
        cmd.addAll(modulePathAndClassPath(jvm));
        cmd.add("-version");
        return cmd;
    }

    /**
     * Starts the desktop in a second JVM and waits for it; returns its exit code, or empty if this JVM cannot
     * relaunch (then the caller opens the desktop here). The archive is made beside the first run.
     */
    public static Optional<Integer> run(AppPaths paths, String mainClass, List<String> args) {
        Optional<Jvm> jvm = current();
        if (jvm.isEmpty()) return Optional.empty();
        List<String> options = launcherOptions();
        Archive archive;
        try {
            archive = archive(paths, jvm.get(), options);
        } catch (RuntimeException e) {
            archive = null;
        }
        Optional<Path> use = archive == null ? Optional.empty() : ready(archive, jvm.get());
        Process child;
        try {
            child = new ProcessBuilder(command(jvm.get(), options, use, mainClass, args)).inheritIO().start();
        } catch (IOException e) {
            System.err.println("Could not start the desktop with JavaFX on the module path: " + e);
            return Optional.empty();
        }
        // Ended with a signal (SIGTERM, a closed terminal): the desktop goes too, as it would in one JVM.
        Process desktop = child;
        Runtime.getRuntime().addShutdownHook(new Thread(desktop::destroy, "poolforge-relaunch-stop"));
        try {
            if (archive != null && use.isEmpty()) {
                // After the first start (or once the desktop is closed, if sooner): the dump takes a core for ~15 s.
                // Not after a desktop that failed at once (no display, say): nothing to speed up there.
                boolean ended = child.waitFor(ARCHIVE_DELAY_SECONDS, TimeUnit.SECONDS);
                if (!ended || child.exitValue() == 0) startArchiveMaker(paths, jvm.get());
            }
            return Optional.of(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(4);
        }
    }

    /** A small JVM that makes the archive ({@link #main}) and outlives this one if the desktop is closed first. */
    private static void startArchiveMaker(AppPaths paths, Jvm jvm) {
        try {
            Path folder = paths.cache().resolve("cds");
            Files.createDirectories(folder);
            List<String> cmd = new ArrayList<>(List.of(jvm.javaCommand(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m",
                    "-Dpoolforge.home=" + paths.home(), "-cp", join(jvm.classPath()), DesktopRelaunch.class.getName()));
            cmd.addAll(jvm.inputArguments()); // the options the desktop runs with, which the archive is keyed on
            // In a session of its own where setsid exists: Ctrl+C in the terminal or closing it (signals to the
            // terminal's process group) then ends the desktop but not a dump under way.
            for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
                if (Files.isExecutable(Path.of(setsid))) {
                    cmd.add(0, setsid);
                    break;
                }
            }
            new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("make.log").toFile())).start();
        } catch (IOException | RuntimeException e) {
            // No archive this time: the next start tries again.
        }
    }

    /**
     * Makes this installation's archive for the desktop that {@code java -jar} relaunches (started by {@link #run});
     * at low priority where {@code nice} exists; one at a time. Its arguments are the JVM options {@code java -jar}
     * was given. Exit 0 made or already there, 1 not made. With {@code -Dpoolforge.archiveFolder=F} the archive goes to
     * F instead of the user's cache: {@code mvn package} makes the build's archive so, in {@code target/cds} beside the
     * jar ({@link #buildFolder}), for a {@code java -jar} with no JVM options.
     */
    public static void main(String[] args) {
        Optional<Jvm> self = current();
        if (self.isEmpty()) System.exit(1);
        Optional<Jvm> jvm = Optional.of(new Jvm(self.get().javaCommand(), List.of(args), self.get().classPath(),
                self.get().javafxModules(), self.get().vmVersion()));
        AppPaths paths = AppPaths.fromEnvironment();
        List<String> options = launcherOptions();
        Archive a = archive(paths, jvm.get(), options);
        String folder = System.getProperty(ARCHIVE_FOLDER);
        if (folder != null && !folder.isBlank()) a = new Archive(Path.of(folder), a.key());
        System.exit(make(a, jvm.get(), options, () -> DesktopRelaunch.class.getResourceAsStream(CLASS_LIST_RESOURCE)) ? 0 : 1);
    }

    /** Makes the archive {@code a} from the class list {@code classList} gives, unless it is there; then deletes the others. */
    static boolean make(Archive a, Jvm jvm, List<String> options, java.util.function.Supplier<InputStream> classList) {
        try {
            Files.createDirectories(a.folder());
            try (var lockChannel = java.nio.channels.FileChannel.open(a.folder().resolve("make.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 var lock = lockChannel.tryLock()) {
                if (lock == null) return false; // another JVM is making it
                if (a.ready()) return true;
                try (InputStream in = classList.get()) {
                    if (in == null) return false;
                    Files.copy(in, a.classList(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(a.partial());
                boolean ok = exec(lowPriority(dumpCommand(jvm, options, a)), a.folder().resolve("dump.log"), 300)
                        && exec(checkCommand(jvm, options, a), a.folder().resolve("check.log"), 60);
                if (ok) {
                    Files.move(a.partial(), a.file(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    removeOthers(a);
                }
                Files.deleteIfExists(a.partial());
                Files.deleteIfExists(a.classList());
                System.out.println("PoolForge class-data archive " + (ok ? "made: " + a.file() : "not made (see dump.log)"));
                return ok;
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("PoolForge class-data archive not made: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Archives of other keys (an older build or JDK) are replaced by this one. */
    static void removeOthers(Archive a) throws IOException {
        try (var files = Files.list(a.folder())) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                // Other keys' archives, and what an interrupted dump left (its class list, a partial archive).
                if ((n.startsWith("poolforge-") || n.startsWith("classes-")) && !f.equals(a.file())) Files.deleteIfExists(f);
            }
        }
    }

    private static List<String> lowPriority(List<String> cmd) {
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (Files.isExecutable(Path.of(nice))) {
                List<String> c = new ArrayList<>(List.of(nice, "-n", "10"));
                c.addAll(cmd);
                return c;
            }
        }
        return cmd;
    }

    private static boolean exec(List<String> cmd, Path log, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
