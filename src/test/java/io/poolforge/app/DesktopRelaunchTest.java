package io.poolforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF-21: the desktop that {@code java -jar} relaunches gets the launcher's options and this user's class-data archive. */
class DesktopRelaunchTest {
    private static final Path JAR = Path.of("/opt/x/poolforge.jar");
    private static final List<Path> FX = List.of(Path.of("/opt/x/lib/javafx-base-21.0.11-linux.jar"),
            Path.of("/opt/x/lib/javafx-graphics-21.0.11-linux.jar"));

    private static DesktopRelaunch.Jvm jvm(String... userOptions) {
        return new DesktopRelaunch.Jvm("/jdk/bin/java", List.of(userOptions), List.of(JAR), FX, "17.0.15+6");
    }

    @Test
    void theLauncherOptionsArePackagingsJvmOptionsItself() throws IOException {
        List<String> packaged = DesktopRelaunch.launcherOptions();
        assertThat(packaged).isEqualTo(DesktopRelaunch.parseOptions(Files.readString(Path.of("packaging/jvm-options"))))
                .contains("-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1")
                .noneMatch(o -> o.startsWith("#") || o.isBlank());
    }

    @Test
    void theRelaunchCarriesTheLauncherOptionsAndTheArchive() {
        List<String> options = DesktopRelaunch.launcherOptions();
        Path archive = Path.of("/home/u/.poolforge/cache/cds/poolforge-0123456789abcdef.jsa");
        List<String> cmd = DesktopRelaunch.command(jvm("-Duser.home=/home/u"), options, Optional.of(archive),
                "io.poolforge.app.Main", List.of("desktop"));

        assertThat(cmd.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(cmd.subList(1, 1 + options.size())).isEqualTo(options);
        assertThat(cmd.subList(1 + options.size(), cmd.size())).containsExactly(
                "-Duser.home=/home/u",
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                "-Dpoolforge.relaunched=true",
                "--module-path", FX.get(0) + java.io.File.pathSeparator + FX.get(1),
                "--add-modules", "javafx.controls",
                "-cp", JAR.toString(),
                "io.poolforge.app.Main", "desktop");
    }

    @Test
    void withoutAnArchiveTheDesktopStartsWithTheOptionsOnly() {
        List<String> cmd = DesktopRelaunch.command(jvm(), DesktopRelaunch.launcherOptions(), Optional.empty(), "M", List.of());
        assertThat(cmd).contains("-XX:+UseSerialGC").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-Xshare"));
        // Without the archive the SDK's classes come from the jars: they are built beside the sandbox's start.
        assertThat(cmd).contains("-Dpoolforge.sdkWarmUp=true");
    }

    @Test
    void whatTheUserGaveJavaJarReplacesTheLaunchersChoice() {
        List<String> cmd = DesktopRelaunch.command(jvm("-Xmx2g", "-XX:+UseG1GC", "-Xshare:off"), DesktopRelaunch.launcherOptions(),
                Optional.of(Path.of("/a.jsa")), "M", List.of());
        assertThat(cmd).contains("-Xmx2g", "-XX:+UseG1GC", "-Xshare:off", "-Xms64m", "-XX:TieredStopAtLevel=1")
                .doesNotContain("-Xmx512m", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=/a.jsa", "-Xshare:auto");
    }

    @Test
    void aProfilerOrAgentGetsNoArchive() {
        for (String hook : List.of("-XX:StartFlightRecording:filename=x.jfr", "-javaagent:a.jar", "-agentlib:jdwp=transport=dt_socket")) {
            assertThat(DesktopRelaunch.command(jvm(hook), DesktopRelaunch.launcherOptions(), Optional.of(Path.of("/a.jsa")), "M", List.of()))
                    .as(hook).contains(hook, "-XX:+UseSerialGC").doesNotContain("-XX:SharedArchiveFile=/a.jsa");
        }
    }

    @Test
    void optionKinds() {
        assertThat(DesktopRelaunch.optionKind("-XX:+UseSerialGC")).isEqualTo(DesktopRelaunch.optionKind("-XX:+UseZGC")).isEqualTo(DesktopRelaunch.optionKind("-XX:+UseG1GC")).isEqualTo("gc");
        assertThat(DesktopRelaunch.optionKind("-Xmx512m")).isEqualTo("Xmx");
        assertThat(DesktopRelaunch.optionKind("-Xmn16m")).isEqualTo("Xmn");
        assertThat(DesktopRelaunch.optionKind("-XX:ReservedCodeCacheSize=64m")).isEqualTo("ReservedCodeCacheSize");
        assertThat(DesktopRelaunch.optionKind("-XX:TieredStopAtLevel=1")).isEqualTo("TieredStopAtLevel");
        assertThat(DesktopRelaunch.optionKind("-Dfoo=bar")).isEqualTo("-Dfoo");
    }

    @Test
    void theArchiveKeyFollowsTheJarsAndTheJdk(@TempDir Path dir) throws IOException {
        Path jar = emptyJar(dir.resolve("poolforge.jar"));
        DesktopRelaunch.Jvm a = new DesktopRelaunch.Jvm("/jdk/bin/java", List.of(), List.of(jar), List.of(), "17.0.15+6");
        List<String> options = DesktopRelaunch.launcherOptions();
        String key = DesktopRelaunch.archiveKey(a, options);
        assertThat(DesktopRelaunch.archiveKey(a, options)).isEqualTo(key).hasSize(16);
        assertThat(DesktopRelaunch.archiveKey(new DesktopRelaunch.Jvm("/jdk/bin/java", List.of(), List.of(jar), List.of(), "17.0.16+8"), options))
                .isNotEqualTo(key);
        assertThat(DesktopRelaunch.archiveKey(a, List.of("-Xmx1g"))).isNotEqualTo(key);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        assertThat(DesktopRelaunch.archiveKey(a, options)).isNotEqualTo(key);
    }

    /**
     * PF-21 fourth pass: the packed class list keeps the lambda proxies of PoolForge's own call sites (JDK 17's static
     * dump archives them, so the FX thread does not spin them), and nothing of the benchmarks.
     */
    @Test
    void thePackedClassListKeepsTheLambdaProxiesOfTheUiAndNoBenchmark() throws IOException {
        List<String> lines;
        try (var in = DesktopRelaunch.class.getResourceAsStream(DesktopRelaunch.CLASS_LIST_RESOURCE)) {
            assertThat(in).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(lines).filteredOn(l -> l.startsWith("@lambda-proxy io/poolforge/ui/")).hasSizeGreaterThan(100);
        assertThat(lines).contains("io/poolforge/ui/MainWindow").noneMatch(l -> l.contains("io/poolforge/bench/"))
                .noneMatch(l -> l.contains("source:"));
    }

    /** PF-21: `mvn package` makes the archive in cds/ beside the jar, so the very first start maps one too. */
    @Test
    void theBuildsArchiveServesTheFirstStartAndTheUsersOwnComesFirst(@TempDir Path dir) throws IOException {
        Path jar = emptyJar(dir.resolve("target/poolforge.jar"));
        DesktopRelaunch.Jvm jvm = new DesktopRelaunch.Jvm("/jdk/bin/java", List.of(), List.of(jar), List.of(), "17.0.15+6");
        List<String> options = DesktopRelaunch.launcherOptions();
        DesktopRelaunch.Archive user = DesktopRelaunch.archive(new AppPaths(dir.resolve("home")), jvm, options);
        assertThat(DesktopRelaunch.buildFolder(jvm)).contains(dir.resolve("target/cds"));
        assertThat(DesktopRelaunch.ready(user, jvm)).isEmpty();

        DesktopRelaunch.Archive built = new DesktopRelaunch.Archive(dir.resolve("target/cds"), user.key());
        Files.createDirectories(built.folder());
        Files.write(built.partial(), new byte[] {1});
        assertThat(DesktopRelaunch.ready(user, jvm)).as("a dump under way is not used").isEmpty();
        // Another key (another JDK or JVM options) is not used either.
        Files.write(built.folder().resolve("poolforge-0000000000000000.jsa"), new byte[] {1});
        assertThat(DesktopRelaunch.ready(user, jvm)).isEmpty();
        Files.write(built.file(), new byte[] {1});
        assertThat(DesktopRelaunch.ready(user, jvm)).contains(built.file());
        assertThat(DesktopRelaunch.command(jvm, options, DesktopRelaunch.ready(user, jvm), "M", List.of()))
                .contains("-XX:SharedArchiveFile=" + built.file(), "-Xshare:auto").doesNotContain("-Dpoolforge.sdkWarmUp=true");

        Files.createDirectories(user.folder());
        Files.write(user.file(), new byte[] {1});
        assertThat(DesktopRelaunch.ready(user, jvm)).contains(user.file());
    }

    /**
     * A real JDK dump (a small class list, so it takes a second): made and checked, then the jar is rebuilt and the
     * next archive replaces the stale one; and a corrupt archive is ignored by {@code -Xshare:auto}.
     */
    @Test
    void anArchiveIsMadeAndAStaleOneReplaced(@TempDir Path dir) throws Exception {
        Path jar = emptyJar(dir.resolve("app/poolforge.jar"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        DesktopRelaunch.Jvm jvm = new DesktopRelaunch.Jvm(java, List.of("-Xmx64m"), List.of(jar), List.of(), System.getProperty("java.vm.version"));
        List<String> options = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        AppPaths paths = new AppPaths(dir.resolve("home"));
        byte[] list = "java/lang/Object\njava/lang/String\njava/util/ArrayList\n".getBytes(StandardCharsets.UTF_8);

        DesktopRelaunch.Archive first = DesktopRelaunch.archive(paths, jvm, options);
        assertThat(first.folder()).isEqualTo(paths.cache().resolve("cds"));
        assertThat(first.ready()).isFalse();
        assertThat(DesktopRelaunch.make(first, jvm, options, () -> new ByteArrayInputStream(list)))
                .as("dump log: %s", log(first)).isTrue();
        assertThat(first.ready()).isTrue();
        assertThat(first.partial()).doesNotExist();

        // The jar is rebuilt: a new key, the old archive is of no use and goes when the new one is made.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        DesktopRelaunch.Archive second = DesktopRelaunch.archive(paths, jvm, options);
        assertThat(second.file()).isNotEqualTo(first.file());
        assertThat(second.ready()).isFalse();
        assertThat(DesktopRelaunch.make(second, jvm, options, () -> new ByteArrayInputStream(list))).isTrue();
        assertThat(second.file()).exists();
        assertThat(first.file()).doesNotExist();

        // A stale or corrupt archive never breaks a start: with -Xshare:auto the JVM runs without it.
        Files.write(second.file(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Process p = new ProcessBuilder(java, "-XX:SharedArchiveFile=" + second.file(), "-Xshare:auto", "-cp", jar.toString(), "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("version").doesNotContain("Error");
    }

    private static String log(DesktopRelaunch.Archive a) {
        try {
            return Files.readString(a.folder().resolve("dump.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path emptyJar(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p), m)) {
            out.flush();
        }
        return p;
    }
}
