package io.poolforge.ui.wizard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.app.AppContext;
import io.poolforge.app.AppPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PF-21: opening the wizard was one piece of ~120 ms on the FX thread (the frame, the whole sign-in step, and their
 * first CSS and layout pass in one pulse). Now the frame is styled in one pulse, the sign-in step's sandbox card in a
 * later one, and the Azure form, its buttons and the account chooser each in a pulse of their own; every control is
 * there a few pulses later, in its place.
 */
@ExtendWith(ApplicationExtension.class)
class SignInStepInPulsesTest {
    private static final List<String> IDS = List.of("wizard-next", "try-sandbox", "sandbox-scenario", "cloud", "tenant", "client-id",
            "sign-in-azure", "sign-in-device-code", "subscription", "batch-accounts");

    @TempDir
    Path home;

    private AppContext context;
    private StackPane root;
    /** What each pulse's layout pass left in the scene (ids of {@link #IDS}), pulse by pulse. */
    private final List<Set<String>> pulses = new ArrayList<>();

    @Start
    void start(Stage stage) {
        context = new AppContext(new AppPaths(home), Locale.ENGLISH, AppContext.Options.tests());
        root = new StackPane();
        Scene scene = new Scene(root, 1280, 800);
        scene.addPostLayoutPulseListener(() -> {
            Set<String> present = new LinkedHashSet<>();
            for (String id : IDS) if (scene.lookup("#" + id) != null) present.add(id);
            if (pulses.isEmpty() || !pulses.get(pulses.size() - 1).equals(present)) pulses.add(present);
        });
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theFrameTheSandboxCardAndEachLaterPartComeInPulsesOfTheirOwn(FxRobot robot) throws Exception {
        robot.interact(() -> root.getChildren().add(context.wizard()));
        io.poolforge.app.FxDriver.waitFor(() -> root.getScene().lookup("#batch-accounts") != null,
                java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(20));
        List<Set<String>> seen = io.poolforge.app.FxDriver.fx(() -> List.copyOf(pulses));
        // Distinct states, in the order the pulses left them (the empty scene first).
        assertThat(seen).containsSubsequence(
                Set.of(),
                Set.of("wizard-next"),
                Set.of("wizard-next", "try-sandbox", "sandbox-scenario"),
                Set.of("wizard-next", "try-sandbox", "sandbox-scenario", "cloud", "tenant", "client-id"),
                Set.of("wizard-next", "try-sandbox", "sandbox-scenario", "cloud", "tenant", "client-id", "sign-in-azure",
                        "sign-in-device-code"),
                Set.of("wizard-next", "try-sandbox", "sandbox-scenario", "cloud", "tenant", "client-id", "sign-in-azure",
                        "sign-in-device-code", "subscription"),
                Set.copyOf(IDS));
        assertThat(seen).hasSize(7);
        // Each part in its place: the Azure form and buttons in the Azure card, after its title; the chooser last.
        String order = io.poolforge.app.FxDriver.fx(() -> {
            var view = root.getScene().lookup("#step-view-signin");
            StringBuilder sb = new StringBuilder();
            collect(view, sb);
            return sb.toString();
        });
        assertThat(order).isEqualTo("sandbox-scenario try-sandbox cloud tenant client-id sign-in-azure sign-in-device-code "
                + "sign-out subscription batch-accounts ");
    }

    private static void collect(javafx.scene.Node n, StringBuilder sb) {
        if (n.getId() != null && !n.getId().startsWith("signin-") && !n.getId().startsWith("step-view")
                && (n instanceof javafx.scene.control.Control)) {
            sb.append(n.getId()).append(' ');
            return;
        }
        if (n instanceof javafx.scene.Parent p) for (javafx.scene.Node k : p.getChildrenUnmodifiable()) collect(k, sb);
    }
}
