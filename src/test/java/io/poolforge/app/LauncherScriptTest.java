package io.poolforge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-21 fifth pass: the README's command, {@code target/poolforge}, runs one JVM with the launcher's options, JavaFX
 * as named modules and the build's class-data archive, and passes its arguments on. Run for real: a probe class in a
 * jar (in a folder whose name has a space and a quote), the JavaFX jars this test runs with, an archive dumped by
 * {@link DesktopRelaunch#make}, the script run by /bin/sh.
 */
class LauncherScriptTest {
    private static final String PROBE = """
            package probe;
            public class Probe {
                public static void main(String[] args) throws Exception {
                    if (args.length == 1 && args[0].equals("--version")) {
                        System.out.println("PoolForge probe");
                        return;
                    }
                    System.out.println("fx=" + ModuleLayer.boot().findModule("javafx.graphics").isPresent());
                    System.out.println("options=" + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                    for (String a : args) System.out.println("arg=[" + a + "]");
                    String maps = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/maps"));
                    System.out.println("archiveMapped=" + maps.contains(System.getProperty("probe.archive", "\\u0000")));
                    System.out.println("relaunched=" + System.getProperty("poolforge.relaunched"));
                }
            }
            """;

    @Test
    void theScriptStartsOneJvmWithTheLaunchersOptionsJavaFxAsModulesAndTheBuildsArchive(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.exists(Path.of("/proc/self/maps")), "needs /bin/sh and /proc");
        Path app = Files.createDirectories(dir.resolve("my app's build"));
        Path jar = probeJar(app.resolve("poolforge.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        DesktopRelaunch.Jvm jvm = new DesktopRelaunch.Jvm(java, List.of(), List.of(jar), javafxJars(), System.getProperty("java.vm.version"));
        List<String> options = DesktopRelaunch.launcherOptions();

        // The build's archive, where `mvn package` puts it (cds/ beside the jar), for exactly this class path.
        DesktopRelaunch.Archive built = new DesktopRelaunch.Archive(DesktopRelaunch.buildFolder(jvm).orElseThrow(),
                DesktopRelaunch.archiveKey(jvm, options));
        byte[] classList = "java/lang/Object\njava/lang/String\nprobe/Probe\n".getBytes(StandardCharsets.UTF_8);
        assertThat(DesktopRelaunch.make(built, jvm, options, () -> new ByteArrayInputStream(classList))).isTrue();
        Optional<Path> archive = LauncherScript.buildArchive(jvm, options);
        assertThat(archive).contains(built.file());

        Path out = dir.resolve("out");
        LauncherScript.write(out, jvm, options, archive, "probe.Probe");
        assertThat(out.resolve("poolforge")).isExecutable();
        assertThat(LauncherScript.javaArguments(jvm, options, archive, "probe.Probe"))
                .startsWith(options.toArray(String[]::new))
                .contains("-XX:SharedArchiveFile=" + built.file(), "-Xshare:auto", "--module-path", "--add-modules", "javafx.controls")
                .doesNotContain("-Dpoolforge.relaunched=true")
                .endsWith("-cp", jar.toString(), "probe.Probe");

        // The probe reads /proc/self/maps for the archive's path: the JVM mapped it.
        Files.writeString(out.resolve("poolforge.args"), "\"-Dprobe.archive=" + built.file() + "\"\n"
                + Files.readString(out.resolve("poolforge.args")));
        Result r = sh(Map.of(), out.resolve("poolforge").toString(), "plain", "two words", "it's \"quoted\"", "$HOME");
        assertThat(r.code).as(r.out).isZero();
        assertThat(r.out).contains("fx=true", "archiveMapped=true", "relaunched=null",
                "arg=[plain]", "arg=[two words]", "arg=[it's \"quoted\"]", "arg=[$HOME]");
        for (String o : options) assertThat(r.out).contains(o);
        // The argument file alone, with an option of one's own in front: the same JVM.
        Process direct = new ProcessBuilder(java, "-Dprobe.own=yes", "@" + out.resolve("poolforge.args"), "x y")
                .redirectErrorStream(true).start();
        String directOut = new String(direct.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(direct.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(directOut).contains("-Dprobe.own=yes", "fx=true", "archiveMapped=true", "arg=[x y]");
        // One JVM: the probe is the script's own process (exec), not a child of another JVM.
        assertThat(Files.readString(out.resolve("poolforge"))).contains("exec \"$java\" @");
    }

    @Test
    void aLauncherWhoseJarIsGoneSaysSoInTheUsersLanguageAndStartsNothing(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path jar = probeJar(dir.resolve("build/poolforge.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        DesktopRelaunch.Jvm jvm = new DesktopRelaunch.Jvm(java, List.of(), List.of(jar), javafxJars(), System.getProperty("java.vm.version"));
        Path out = dir.resolve("build");
        LauncherScript.write(out, jvm, DesktopRelaunch.launcherOptions(), Optional.empty(), "probe.Probe");
        assertThat(LauncherScript.javaArguments(jvm, DesktopRelaunch.launcherOptions(), Optional.empty(), "probe.Probe"))
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare"));
        assertThat(sh(Map.of("LANG", "C"), out.resolve("poolforge").toString()).out).contains("fx=true");

        Files.delete(jar);
        Result en = sh(Map.of("LANG", "en_US.UTF-8"), out.resolve("poolforge").toString());
        assertThat(en.code).isEqualTo(1);
        assertThat(en.out).contains("this launcher was made for " + jar, "Build again: mvn -B -q package -DskipTests").doesNotContain("fx=");
        Result es = sh(Map.of("LANG", "es_ES.UTF-8"), out.resolve("poolforge").toString());
        assertThat(es.code).isEqualTo(1);
        assertThat(es.out).contains("este lanzador se hizo para " + jar, "Vuelva a compilar").doesNotContain("fx=");
    }

    @Test
    void withoutAShellOnlyTheArgumentFileIsWrittenAndTheBuildChecksThatItStarts(@TempDir Path dir) throws Exception {
        Path jar = probeJar(dir.resolve("build/poolforge.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        DesktopRelaunch.Jvm jvm = new DesktopRelaunch.Jvm(java, List.of(), List.of(jar), javafxJars(), System.getProperty("java.vm.version"));
        Path out = dir.resolve("build");
        LauncherScript.write(out, jvm, DesktopRelaunch.launcherOptions(), Optional.empty(), "probe.Probe", false);
        assertThat(out.resolve("poolforge.args")).exists();
        assertThat(out.resolve("poolforge")).doesNotExist();
        assertThat(LauncherScript.check(out, java, false)).isTrue();

        // What the build refuses: an argument file that does not start PoolForge.
        Files.delete(jar);
        assertThat(LauncherScript.check(out, java, false)).isFalse();
    }

    @Test
    void argumentFilesAndShellWordsKeepEveryCharacter() {
        assertThat(LauncherScript.argFile(List.of("a b", "c\\d", "e\"f")))
                .endsWith("\"a b\"\n\"c\\\\d\"\n\"e\\\"f\"\n");
        assertThat(LauncherScript.shellQuote("it's")).isEqualTo("'it'\\''s'");
    }

    private record Result(int code, String out) {
    }

    private static Result sh(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** JavaFX's platform jars from this test's own class path (Maven's copies). */
    private static List<Path> javafxJars() {
        Pattern fx = Pattern.compile("javafx-(base|graphics|controls)-[0-9.]+-(linux|win|mac)[a-z0-9-]*\\.jar");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> out = new ArrayList<>();
        for (String e : cp.split(Pattern.quote(File.pathSeparator))) {
            if (fx.matcher(Path.of(e).getFileName().toString()).matches()) out.add(Path.of(e).toAbsolutePath());
        }
        assumeTrue(out.size() == 3, "JavaFX's platform jars on the test class path");
        return out;
    }

    private static Path probeJar(Path jar) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "a JDK's compiler");
        Path src = Files.createDirectories(jar.getParent().resolve("probe-src/probe"));
        Files.writeString(src.resolve("Probe.java"), PROBE);
        Path classes = Files.createDirectories(jar.getParent().resolve("probe-classes"));
        assertThat(javac.run(null, null, null, "-d", classes.toString(), src.resolve("Probe.java").toString())).isZero();
        Files.createDirectories(jar.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("probe/Probe.class"));
            out.write(Files.readAllBytes(classes.resolve("probe/Probe.class")));
            out.closeEntry();
        }
        return jar;
    }
}
