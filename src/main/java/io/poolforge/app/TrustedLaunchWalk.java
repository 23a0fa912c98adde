package io.poolforge.app;

import io.poolforge.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/** The pool step of a Trusted Launch VM (Screenshots --trusted-launch, PF-16). */
final class TrustedLaunchWalk extends ShotWalk {
    TrustedLaunchWalk(AppContext context, Stage stage, io.poolforge.ui.MainWindow window, List<String> args) {
        super(context, stage, window, args);
    }

    @Override
    void run(Path outDir) throws Exception {
        driveTrustedLaunch(outDir);
    }

    /**
     * PF-16: the pool step for the demo's Trusted Launch VM ({@code --trusted-launch}): {@code xx-05-pool-trusted-launch.png}
     * (Standard_D2s_v3: the security profile the pool gets), {@code xx-05-pool-trusted-launch-sizes.png} (each size's
     * generations and Trusted Launch capability as Azure reports them) and {@code xx-05-pool-trusted-launch-refused.png} (Standard_M64,
     * which reports TrustedLaunchDisabled, refused).
     */
    void driveTrustedLaunch(Path outDir) throws Exception {
        Files.createDirectories(outDir);
        toPoolStep("vm-trusted-launch");
        pickSize("Standard_D2s_v3");
        shotsAt(outDir, "05-pool-trusted-launch", "#pool-security-profile");
        shotsAt(outDir, "05-pool-trusted-launch-sizes", "#pool-size-filter");
        pickSize("Standard_M64");
        shotsAt(outDir, "05-pool-trusted-launch-refused", "#pool-security-profile");
    }

    /** As {@link #shots(Path, String)}, with the main window scrolled so that {@code selector} is at the top. */
    void shotsAt(Path outDir, String name, String selector) throws Exception {
        shots(stage.getScene(), outDir, name, () -> scrollTo(stage, selector));
    }

    @SuppressWarnings("unchecked")
    void pickSize(String name) throws Exception {
        fx(() -> {
            var table = (TableView<io.poolforge.domain.VmSkuInfo>) stage.getScene().lookup("#pool-sizes");
            table.getItems().stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> {
                table.getSelectionModel().select(s);
                table.scrollTo(s);
            });
            return null;
        });
        Thread.sleep(300);
    }
}
