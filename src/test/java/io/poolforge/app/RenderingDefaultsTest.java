package io.poolforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-21 (seventh pass): the desktop JVM starts with Prism's region background cache off ({@link Main#renderingDefaults}).
 * The cache is a 2048 x 1024 texture made when the first control with a multi-fill background is drawn, on the software
 * pipeline an 8 MB {@code int[]} for the life of the window. Each case is a child JVM (Prism reads its settings once, when
 * the toolkit starts) that shows the real main window on Monocle's headless screen, lets it draw, and reports how many
 * region caches Prism made.
 */
class RenderingDefaultsTest {

    @Test
    void theMainWindowDrawsWithoutTheRegionCache(@TempDir Path dir) throws Exception {
        String out = child(dir, "defaults");
        assertThat(out).as(out).contains("property=true").contains("region-caches=0");
    }

    /** The probe works: the same window, started without the defaults, makes the cache (so "0" above means something). */
    @Test
    void withoutTheDefaultsTheSameWindowMakesIt(@TempDir Path dir) throws Exception {
        String out = child(dir, "none");
        assertThat(out).as(out).contains("property=null").contains("region-caches=1");
    }

    @Test
    void aValueTheUserGaveIsKept() {
        String before = System.getProperty("prism.disableRegionCaching");
        try {
            System.setProperty("prism.disableRegionCaching", "false");
            Main.renderingDefaults();
            assertThat(System.getProperty("prism.disableRegionCaching")).isEqualTo("false");
        } finally {
            if (before == null) System.clearProperty("prism.disableRegionCaching");
            else System.setProperty("prism.disableRegionCaching", before);
        }
    }

    private static String child(Path dir, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-Djava.awt.headless=true", "-Dprism.order=sw",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.text=t2k", "-Duser.home=" + dir,
                "-Duser.language=en", "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode, dir.toString()))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** The child: the real main window, thirty pulses, then Prism's region caches counted. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            if (args[0].equals("defaults")) Main.renderingDefaults();
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(up::countDown);
            assertTrue(up.await(60, TimeUnit.SECONDS), "toolkit start");
            CountDownLatch drawn = new CountDownLatch(1);
            Platform.runLater(() -> {
                AppContext context = new AppContext(new AppPaths(Path.of(args[1], "home")), Locale.ENGLISH, AppContext.Options.tests());
                DesktopApp.show(context, new Stage());
                new javafx.animation.AnimationTimer() {
                    private int pulses;

                    @Override
                    public void handle(long now) {
                        if (++pulses < 30) return;
                        stop();
                        drawn.countDown();
                    }
                }.start();
            });
            assertTrue(drawn.await(60, TimeUnit.SECONDS), "thirty pulses");
            Thread.sleep(300); // the render thread finishes the last frame
            java.lang.reflect.Field caches = Class.forName("com.sun.javafx.sg.prism.NGRegion").getDeclaredField("imageCacheMap");
            caches.setAccessible(true);
            System.out.println("property=" + System.getProperty("prism.disableRegionCaching"));
            System.out.println("region-caches=" + ((java.util.Map<?, ?>) caches.get(null)).size());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }

        private static void assertTrue(boolean ok, String what) {
            if (!ok) {
                System.out.println("timed out: " + what);
                Runtime.getRuntime().halt(3);
            }
        }
    }
}
