package io.poolforge.app;

import io.poolforge.ui.wizard.WizardFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/** The create step's first-node stage (Screenshots --first-node good|bad, PF-19). */
final class FirstNodeWalk extends ShotWalk {
    private final boolean bad;

    FirstNodeWalk(AppContext context, Stage stage, io.poolforge.ui.MainWindow window, List<String> args) {
        super(context, stage, window, args);
        int i = args.indexOf("--first-node");
        this.bad = i >= 0 && i + 1 < args.size() && "bad".equals(args.get(i + 1));
    }

    @Override
    void run(Path outDir) throws Exception {
        driveFirstNode(outDir, bad);
    }

    /**
     * PF-19: a pool on an existing gallery image through the first-node stage: the good image while its node boots and
     * once the pool grew, or the image that cannot boot (a Windows definition holding a Linux disk) once its node failed.
     */
    void driveFirstNode(Path outDir, boolean bad) throws Exception {
        Files.createDirectories(outDir);
        fx(() -> {
            // 1280x800, or the screen's work area where that is smaller (a 1024x700 display).
            javafx.geometry.Rectangle2D area = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1280, area.getWidth()));
            stage.setHeight(Math.min(800, area.getHeight()));
            return null;
        });
        WizardFrame wizard = atVmStep();
        fx(() -> {
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#vm-from-existing")).setSelected(true);
            return null;
        });
        waitFor(() -> !((javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#vm-existing-image")).getItems().isEmpty());
        String image = bad ? "win2022-build" : "ubuntu2204-render";
        fx(() -> {
            @SuppressWarnings("unchecked") var combo = (javafx.scene.control.ComboBox<io.poolforge.domain.GalleryImageVersionInfo>)
                    stage.getScene().lookup("#vm-existing-image");
            combo.getItems().stream().filter(v -> v.image().name().equals(image)).findFirst()
                    .ifPresent(v -> combo.getSelectionModel().select(v));
            return null;
        });
        Thread.sleep(500);
        next(wizard, "pool");
        fx(() -> {
            ((javafx.scene.control.TextField) stage.getScene().lookup("#pool-id")).setText(bad ? "build-first-node" : "render-first-node");
            return null;
        });
        Thread.sleep(500);
        for (String id : List.of("review", "create")) next(wizard, id);
        Thread.sleep(500);
        fx(() -> {
            ((Button) stage.getScene().lookup("#create-start")).fire();
            return null;
        });
        if (bad) {
            waitFor(() -> stage.getScene().lookup("#create-first-node-failed").isVisible());
            Thread.sleep(1000);
            shots(outDir, "13-first-node-failed");
            return;
        }
        waitFor(() -> {
            var l = (javafx.scene.control.Label) stage.getScene().lookup("#create-first-node-stage");
            return l.isVisible() && (l.getText().contains("starting") || l.getText().contains("creating"));
        });
        shots(outDir, "12-first-node");
        try {
            FxDriver.waitFor(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#create-first-node-stage")).getText()
                    .contains("reached idle") && !((javafx.scene.control.Label) stage.getScene().lookup("#create-status")).getText().isEmpty(),
                    java.time.Duration.ofSeconds(180), java.time.Duration.ofMillis(250));
        } finally {
            shots(outDir, "12b-first-node-grown");
        }
    }
}
