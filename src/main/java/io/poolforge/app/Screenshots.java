package io.poolforge.app;

import io.poolforge.i18n.Messages;
import io.poolforge.ui.wizard.WizardStep;
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
 * Writes a PNG of every wizard step in English and Spanish, at the default window size:
 * {@code xvfb-run -a java -cp target/poolforge.jar io.poolforge.app.Screenshots docs/screenshots}.
 * Runs against a throw-away PoolForge folder, never the user's.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("poolforge.home", Files.createTempDirectory("poolforge-shots").toString());
        Application.launch(App.class, args);
    }

    /** The JavaFX side (the main class itself must not be an Application on the class path). */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) throws IOException {
        var raw = getParameters().getRaw();
        Path outDir = Path.of(raw.isEmpty() ? "docs/screenshots" : raw.get(0)).toAbsolutePath();
        Files.createDirectories(outDir);
        AppContext context = new AppContext(AppPaths.fromEnvironment(), Locale.ENGLISH, AppContext.Options.tests());
        DesktopApp.show(context, stage);
        for (Locale locale : Messages.SUPPORTED) {
            context.i18n().setLocale(locale);
            int n = 1;
            for (WizardStep step : context.wizard().stepsInOrder()) {
                context.wizard().goTo(step);
                write(stage.getScene(), outDir.resolve(String.format("%s-%02d-%s.png", locale.getLanguage(), n++, step.id())));
            }
            context.wizard().goTo(context.wizard().stepsInOrder().get(0));
        }
        context.close();
        Platform.exit();
    }
    }

    /** A scene's pixels as PNG, without javafx-swing. */
    static void write(Scene scene, Path file) {
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
