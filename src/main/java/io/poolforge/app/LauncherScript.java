package io.poolforge.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The README's command, {@code target/poolforge}: the desktop (and every command) in <em>one</em> JVM, started as the
 * installed launcher starts it (PF-21 fifth pass, docs/DECISIONS.md). {@code mvn package} runs this class once the
 * build's class-data archive is made (pom.xml); it writes two files beside the jar:
 * <ul>
 * <li>{@code poolforge.args}, a java argument file ({@code java @poolforge.args}): the launcher's JVM options
 * ({@code packaging/jvm-options}), the build's archive in {@code cds/} if it was made, JavaFX's jars on the module
 * path, the class path and the main class. The very list {@link DesktopRelaunch#command} gives the second JVM of
 * {@code java -jar}, so the two ways run the same desktop JVM; this one without the first JVM (0.14–0.35 s and ~50 MB).
 * <li>{@code poolforge}, a POSIX shell script that runs that file with the JDK that made the build (the archive holds
 * for that JDK only), passing its own arguments on ({@code target/poolforge run ...}).
 * </ul>
 * Where there is no {@code /bin/sh} (Windows), only the argument file is written, and the build checks it instead.
 * Paths are absolute, as the archive was dumped with them: a moved or rebuilt-elsewhere tree needs {@code mvn package}
 * again, and the script says so instead of starting a JVM that cannot find its jars. {@code java -jar poolforge.jar}
 * still works everywhere (two JVMs).
 *
 * <p>Args: {@code OUT_DIR [MAIN_CLASS]}; the class path is this JVM's (poolforge.jar, beside lib/).
 */
public final class LauncherScript {
    static final String ARGS_FILE = "poolforge.args";
    static final String SCRIPT = "poolforge";
    /** The shell the script is for; without it (Windows) only the argument file is written. */
    static final Path SH = Path.of("/bin/sh");

    private LauncherScript() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LauncherScript OUT_DIR [MAIN_CLASS]");
            System.exit(2);
        }
        Optional<DesktopRelaunch.Jvm> self = DesktopRelaunch.current();
        if (self.isEmpty()) {
            System.err.println("LauncherScript: no lib/ with JavaFX's jars beside the jar; no launcher written");
            System.exit(1);
        }
        // As `java -jar` with no JVM options would relaunch it: the same key, so the build's own archive.
        DesktopRelaunch.Jvm jvm = new DesktopRelaunch.Jvm(self.get().javaCommand(), List.of(), self.get().classPath(),
                self.get().javafxModules(), self.get().vmVersion());
        String mainClass = args.length > 1 ? args[1] : Main.class.getName();
        Path out = Path.of(args[0]).toAbsolutePath();
        Optional<Path> archive = buildArchive(jvm, DesktopRelaunch.launcherOptions());
        write(out, jvm, DesktopRelaunch.launcherOptions(), archive, mainClass);
        Path written = Files.isRegularFile(out.resolve(SCRIPT)) && Files.isExecutable(SH) ? out.resolve(SCRIPT) : out.resolve(ARGS_FILE);
        System.out.println("PoolForge launcher written: " + written + " (one JVM"
                + (archive.isPresent() ? ", class-data archive " + archive.get().getFileName() : ", no class-data archive") + ")");
        if (mainClass.equals(Main.class.getName())) System.exit(check(out, jvm.javaCommand(), archive.isPresent()) ? 0 : 1);
    }

    /**
     * The build runs what it wrote, {@code poolforge --version} (no display needed), so a README command that cannot
     * start fails the build; and, with class loading logged, whether Main came from the archive (a refused archive is
     * only a warning: {@code -Xshare:auto} starts without it).
     */
    static boolean check(Path out, String javaCommand, boolean archived) {
        try {
            // Where there is no POSIX shell (Windows), only the argument file is written: it is checked instead.
            boolean script = Files.isRegularFile(out.resolve(SCRIPT)) && Files.isExecutable(SH);
            String what = script ? out.resolve(SCRIPT) + " --version" : "java @" + out.resolve(ARGS_FILE) + " --version";
            String version = run(script ? List.of(SH.toString(), out.resolve(SCRIPT).toString(), "--version")
                    : List.of(javaCommand, "@" + out.resolve(ARGS_FILE), "--version"));
            if (!version.startsWith("PoolForge ")) {
                System.err.println("LauncherScript: " + what + " printed: " + version);
                return false;
            }
            if (archived) {
                String log = run(List.of(javaCommand, "-Xlog:class+load=info", "@" + out.resolve(ARGS_FILE), "--version"));
                boolean mapped = log.contains(" " + Main.class.getName() + " source: shared objects file");
                System.out.println("Checked: " + what + " ran" + (mapped ? ", Main from the class-data archive"
                        : "; WARNING: the class-data archive was not mapped (the desktop starts without it)"));
            } else {
                System.out.println("Checked: " + what + " ran");
            }
            return true;
        } catch (IOException e) {
            System.err.println("LauncherScript: could not check " + out + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text.strip();
    }

    /** The archive the build made for this class path, if it is there (DesktopRelaunch's key, no user options). */
    static Optional<Path> buildArchive(DesktopRelaunch.Jvm jvm, List<String> options) {
        Optional<Path> folder = DesktopRelaunch.buildFolder(jvm);
        if (folder.isEmpty()) return Optional.empty();
        DesktopRelaunch.Archive a = new DesktopRelaunch.Archive(folder.get(), DesktopRelaunch.archiveKey(jvm, options));
        return a.ready() ? Optional.of(a.file()) : Optional.empty();
    }

    /** The java arguments: the relaunch's command without the java command and without the relaunch's own marker. */
    static List<String> javaArguments(DesktopRelaunch.Jvm jvm, List<String> options, Optional<Path> archive, String mainClass) {
        List<String> cmd = new ArrayList<>(DesktopRelaunch.command(jvm, options, archive, mainClass, List.of()));
        cmd.remove(0);
        cmd.remove("-Dpoolforge.relaunched=true");
        return cmd;
    }

    /** Writes both files into {@code out}, each through a temporary file, the script executable. */
    static void write(Path out, DesktopRelaunch.Jvm jvm, List<String> options, Optional<Path> archive, String mainClass)
            throws IOException {
        write(out, jvm, options, archive, mainClass, Files.isExecutable(SH));
    }

    static void write(Path out, DesktopRelaunch.Jvm jvm, List<String> options, Optional<Path> archive, String mainClass,
                      boolean withScript) throws IOException {
        Files.createDirectories(out);
        Path argFile = out.resolve(ARGS_FILE);
        replace(argFile, argFile(javaArguments(jvm, options, archive, mainClass)), false);
        Path jar = jvm.classPath().isEmpty() ? out : jvm.classPath().get(0);
        if (withScript) {
            replace(out.resolve(SCRIPT), script(jvm.javaCommand(), argFile, jar), true);
        } else {
            System.out.println("No " + SH + " here: only " + argFile + " is written; `java @" + argFile + "` starts PoolForge in one JVM");
        }
    }

    /**
     * A java argument file: one argument a line, each in double quotes, backslashes and quotes escaped (the launcher's
     * rules for {@code @argfiles}: inside quotes a backslash escapes the next character).
     */
    static String argFile(List<String> arguments) {
        StringBuilder b = new StringBuilder("# PoolForge's JVM, as `mvn package` wrote it (io.poolforge.app.LauncherScript): java @THIS_FILE [args]\n");
        for (String a : arguments) b.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        return b.toString();
    }

    static String script(String javaCommand, Path argFile, Path jar) {
        return "#!/bin/sh\n"
                + "# PoolForge in one JVM with the installed launcher's options and the build's class-data archive, as\n"
                + "# `mvn package` wrote it (io.poolforge.app.LauncherScript; docs/DECISIONS.md, PF-21). Arguments go to PoolForge.\n"
                + "java=" + shellQuote(javaCommand) + "\n"
                + "jar=" + shellQuote(jar.toString()) + "\n"
                + "if [ ! -f \"$jar\" ] || [ ! -x \"$java\" ]; then\n"
                + "  case \"${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}\" in\n"
                + "    es*) echo \"PoolForge: este lanzador se hizo para $jar y $java, y uno de los dos ya no está. Vuelva a compilar: mvn -B -q package -DskipTests\" >&2 ;;\n"
                + "    *) echo \"PoolForge: this launcher was made for $jar and $java, and one of them is gone. Build again: mvn -B -q package -DskipTests\" >&2 ;;\n"
                + "  esac\n"
                + "  exit 1\n"
                + "fi\n"
                + "exec \"$java\" @" + shellQuote(argFile.toString()) + " \"$@\"\n";
    }

    /** A POSIX shell word in single quotes (a single quote itself as '\''). */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void replace(Path target, String text, boolean executable) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        if (executable) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                tmp.toFile().setExecutable(true, false);
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
