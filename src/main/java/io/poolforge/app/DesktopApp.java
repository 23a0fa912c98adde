package io.poolforge.app;

import io.poolforge.ui.MainWindow;
import java.io.InputStream;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: theme, window, icon. Launched by {@link Main}. */
public final class DesktopApp extends Application {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private AppContext context;
    private boolean startInSandbox;

    /** Off the FX thread (the launcher thread): settings are read from disk here, not in start(). */
    @Override
    public void init() {
        context = new AppContext(AppPaths.fromEnvironment(), Locale.getDefault(), AppContext.Options.desktop());
        startInSandbox = context.shouldStartInSandbox();
        io.poolforge.ui.Icons.load(); // a font from the jar, copied to a temporary file: disk, so not in start()
    }

    @Override
    public void start(Stage stage) {
        context.setUriOpener(uri -> getHostServices().showDocument(uri.toString()));
        showPlaced(context, stage);
        stage.setOnCloseRequest(e -> {
            if (!context.confirmCloseDuringRun()) e.consume();
        });
        // The first-run sandbox starts once the first frame is on screen: it would otherwise compete with it (PF-13).
        if (startInSandbox) afterFirstFrame(() -> context.signIn().trySandbox());
    }

    /** Runs {@code then} (FX thread) at the second pulse from now, i.e. once the frame being built is on screen. */
    public static void afterFirstFrame(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                stop();
                then.run();
            }
        }.start();
    }

    /** Puts the main window on a stage (also used by tests and the screenshot command). */
    public static MainWindow show(AppContext context, Stage stage) {
        MainWindow window = prepare(context, stage);
        stage.show();
        return window;
    }

    private static MainWindow prepare(AppContext context, Stage stage) {
        context.theme().apply();
        MainWindow window = context.mainWindow();
        Scene scene = new Scene(window.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(DesktopApp.class.getResource("/io/poolforge/ui/poolforge.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(context.i18n().text("app.title"));
        loadIconBeside(stage);
        context.dialogs().setOwner(stage);
        return window;
    }

    /**
     * The window's icon (256 px), decoded on a thread of its own and set when ready: decoding it on the FX thread cost
     * ~22 ms before the window could show (PF-21 fourth pass, docs/BENCHMARKS.md).
     */
    private static void loadIconBeside(Stage stage) {
        Thread t = new Thread(() -> {
            try (InputStream icon = DesktopApp.class.getResourceAsStream("/io/poolforge/assets/poolforge.png")) {
                if (icon == null) return;
                Image image = new Image(icon);
                if (!image.isError()) javafx.application.Platform.runLater(() -> stage.getIcons().setAll(image));
            } catch (java.io.IOException | RuntimeException e) {
                // No icon: the window manager shows its own.
            }
        }, "poolforge-window-icon");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The desktop's way: the main window fitted to the work area of its screen, where the user left it last time,
     * remembered in the settings (PF-20; see {@link io.poolforge.ui.WindowPlacement}).
     */
    public static MainWindow showPlaced(AppContext context, Stage stage) {
        MainWindow window = prepare(context, stage);
        new io.poolforge.ui.WindowPlacement(context.settingsStore(), "main").showPlaced(stage, WIDTH, HEIGHT);
        return window;
    }

    @Override
    public void stop() {
        if (context != null) context.close();
    }
}
