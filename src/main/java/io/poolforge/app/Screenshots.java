package io.poolforge.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Drives the wizard through the whole flow in the sandbox (demo scenario, instant time scale) and
 * writes a PNG of every step in English and Spanish at the default window size:
 * {@code xvfb-run -a java -cp target/poolforge.jar io.poolforge.app.Screenshots docs/screenshots}.
 * With a second argument {@code --pool-types} it writes only the pool step with each image type (PF-15):
 * {@code xx-05-pool.png} (gallery, the version the run builds), {@code xx-05b-pool-marketplace.png} and
 * {@code xx-05c-pool-gallery-latest.png} (an existing definition's latest version), which the full run also writes.
 * With {@code --nodes} it writes only the node view of the sandbox's "nodes" scenario ({@code en-10-nodes.png},
 * {@code en-11-nodes-detail.png} and the Spanish ones), 1280x800. With {@code --diagnose} it writes the watch window of
 * the "diagnose" scenario's Ubuntu pool whose nodes are unusable: an "unknown" diagnosis with what was checked
 * ({@code en-12-diagnosis-unknown.png}, {@code es-12-diagnosis-unknown.png}; PF-17).
 * With {@code --first-node good} or {@code --first-node bad} (PF-19) it writes the create step's first-node stage on the
 * existing gallery image {@code ubuntu2204-render} 1.0.0 while its one node boots ({@code xx-12-first-node.png}, the
 * sandbox at time scale 1) and once the pool grew ({@code xx-12b-first-node-grown.png}), or the failed first node on
 * {@code win2022-build} 1.0.0 ({@code xx-13-first-node-failed.png}).
 * Runs against a throw-away PoolForge folder, never the user's. Each walk is a class of its own ({@link ShotWalk}:
 * {@link FullWalk}, {@link PoolTypesWalk}, {@link TrustedLaunchWalk}, {@link FirstNodeWalk}).
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("poolforge.home", Files.createTempDirectory("poolforge-shots").toString());
        Main.renderingDefaults(); // as the desktop starts
        Application.launch(App.class, args);
    }

    /** The JavaFX side (the main class itself must not be an Application on the class path). */
    public static final class App extends Application {
        private AppContext context;
        private Stage stage;
        private io.poolforge.ui.MainWindow window;

        @Override
        public void start(Stage stage) {
            this.stage = stage;
            var raw = getParameters().getRaw();
            Path outDir = Path.of(raw.isEmpty() ? "docs/screenshots" : raw.get(0)).toAbsolutePath();
            boolean poolTypesOnly = raw.contains("--pool-types");
            int fn = raw.indexOf("--first-node");
            String firstNode = fn >= 0 && fn + 1 < raw.size() ? raw.get(fn + 1) : null;
            boolean trustedLaunchOnly = raw.contains("--trusted-launch");
            // PF-19: the first node's boot is visible only when the sandbox takes (scaled) time.
            AppContext.Options options = firstNode != null ? new AppContext.Options(1, false, true)
                    : AppContext.Options.tests().withStartScreen(true);
            context = new AppContext(AppPaths.fromEnvironment(), Locale.ENGLISH, options);
            // The desktop's way (PF-20): under a window manager a stage shown without placement opens at 200x200.
            window = DesktopApp.showPlaced(context, stage);
            Thread driver = new Thread(() -> {
                try {
                    ShotWalk walk = firstNode != null ? new FirstNodeWalk(context, stage, window, raw)
                            : trustedLaunchOnly ? new TrustedLaunchWalk(context, stage, window, raw)
                            : poolTypesOnly ? new PoolTypesWalk(context, stage, window, raw)
                            : new FullWalk(context, stage, window, raw);
                    walk.run(outDir);
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    Platform.runLater(() -> {
                        context.close();
                        Platform.exit();
                    });
                }
            }, "screenshots");
            driver.setDaemon(true);
            driver.start();
        }
    }

    /** A scene's pixels as PNG, without javafx-swing. */
    public static void write(Scene scene, Path file) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(x, y, px.getArgb(x, y));
        }
        try {
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(file);
    }
}
