package io.poolforge.app;

import io.poolforge.ui.wizard.WizardFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;

/** Only the pool step with each image type (Screenshots --pool-types, PF-15). */
final class PoolTypesWalk extends ShotWalk {
    PoolTypesWalk(AppContext context, Stage stage, io.poolforge.ui.MainWindow window, List<String> args) {
        super(context, stage, window, args);
    }

    @Override
    void run(Path outDir) throws Exception {
        drivePoolTypes(outDir);
    }

    /** Only the pool step with each image type (PF-15), in every language. */
    void drivePoolTypes(Path outDir) throws Exception {
        Files.createDirectories(outDir);
        WizardFrame wizard = toPoolStep();
        shots(outDir, "05-pool");
        poolTypeShots(wizard, outDir);
    }
}
