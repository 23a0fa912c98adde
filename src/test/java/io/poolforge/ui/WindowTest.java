package io.poolforge.ui;

import io.poolforge.app.AppContext;
import io.poolforge.app.AppPaths;
import io.poolforge.app.DesktopApp;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;

/**
 * The main window as the UI tests drive it: a fresh PoolForge folder, the application context of the tests
 * ({@link AppContext.Options#tests()}, English), {@link DesktopApp#show}, and the context closed after each test.
 * The window is shown in a {@code @BeforeEach} through {@link FxToolkit#setupStage} on TestFX's primary stage: TestFX
 * 4.0.18 looks for {@code @Start} methods only among the test class's own declared methods, not a superclass's.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WindowTest {
    @TempDir
    protected Path home;
    protected AppContext context;
    protected Stage stage;

    /** The context's options; a test may ask for others (the start screen, say). */
    protected AppContext.Options options() {
        return AppContext.Options.tests();
    }

    @BeforeEach
    protected void showWindow() throws TimeoutException {
        FxToolkit.setupStage(primary -> {
            stage = primary;
            context = new AppContext(new AppPaths(home), Locale.ENGLISH, options());
            DesktopApp.show(context, primary);
        });
    }

    @AfterEach
    protected void closeContext() {
        context.close();
    }
}
