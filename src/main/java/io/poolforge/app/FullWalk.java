package io.poolforge.app;

import io.poolforge.i18n.Messages;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.WizardStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/** The whole flow in every language, and the nodes or diagnosis views (Screenshots, no option or --nodes / --diagnose). */
final class FullWalk extends ShotWalk {
    FullWalk(AppContext context, Stage stage, io.poolforge.ui.MainWindow window, List<String> args) {
        super(context, stage, window, args);
    }

    @Override
    void run(Path outDir) throws Exception {
        drive(outDir);
    }

    void drive(Path outDir) throws Exception {
        Files.createDirectories(outDir);
        if (args.contains("--nodes")) {
            nodes(outDir);
            return;
        }
        if (args.contains("--diagnose")) {
            diagnose(outDir);
            return;
        }
        // The start screen, light and dark, in every language (PF-14).
        for (io.poolforge.ui.Theme.Choice look : List.of(io.poolforge.ui.Theme.Choice.LIGHT, io.poolforge.ui.Theme.Choice.DARK)) {
            for (Locale locale : Messages.SUPPORTED) {
                fx(() -> {
                    context.theme().choiceProperty().set(look);
                    context.i18n().setLocale(locale);
                    return null;
                });
                Thread.sleep(300);
                String file = String.format("start-%s-%s.png", look.name().toLowerCase(Locale.ROOT), locale.getLanguage());
                fx(() -> {
                    write(stage.getScene(), outDir.resolve(file));
                    return null;
                });
            }
        }
        WizardFrame wizard = toPoolStep();
        for (String id : List.of("review", "create")) next(wizard, id);
        fx(() -> {
            ((Button) stage.getScene().lookup("#create-start")).fire();
            return null;
        });
        waitFor(() -> ((Button) stage.getScene().lookup("#create-start")).isDisabled()
                && !stage.getScene().lookup("#create-cancel").isDisabled() == false);
        Thread.sleep(1500);
        for (Locale locale : Messages.SUPPORTED) {
            fx(() -> {
                context.i18n().setLocale(locale);
                return null;
            });
            int n = 1;
            for (WizardStep step : wizard.stepsInOrder()) {
                String file = String.format("%s-%02d-%s.png", locale.getLanguage(), n++, step.id());
                fx(() -> {
                    wizard.goTo(step);
                    return null;
                });
                Thread.sleep(250);
                fx(() -> {
                    write(stage.getScene(), outDir.resolve(file));
                    return null;
                });
            }
        }
        poolTypeShots(wizard, outDir);
        // The pool inspector, on the demo pool whose image was deleted.
        fx(() -> {
            window.showInspector();
            return null;
        });
        waitFor(() -> stage.getScene().lookup("#inspect-pools") != null
                && !((TableView<?>) stage.getScene().lookup("#inspect-pools")).getItems().isEmpty());
        fx(() -> {
            @SuppressWarnings("unchecked") TableView<Object> pools = (TableView<Object>) stage.getScene().lookup("#inspect-pools");
            pools.getSelectionModel().select(pools.getItems().stream()
                    .filter(r -> Boolean.FALSE.equals(((io.poolforge.ui.inspect.PoolRow) r).image().exists())).findFirst()
                    .orElse(null));
            if (pools.getSelectionModel().isEmpty()) pools.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(1500);
        shots(outDir, "08-inspector");
        // The watch of that pool, with its diagnosis and remedies.
        String poolId = fx(() -> {
            @SuppressWarnings("unchecked") TableView<Object> pools = (TableView<Object>) stage.getScene().lookup("#inspect-pools");
            return ((io.poolforge.ui.inspect.PoolRow) pools.getSelectionModel().getSelectedItem()).id();
        });
        Stage watch = fx(() -> context.openWatchWindow(poolId));
        Thread.sleep(2000);
        shots(watch.getScene(), outDir, "09-watch");
        fx(() -> {
            watch.close();
            return null;
        });
    }

    /** The watch window (1280×800) of {@code poolId} in the sandbox's {@code scenario}, light theme, English. */
    Stage watchIn(String scenario, String poolId) throws Exception {
        fx(() -> {
            context.theme().choiceProperty().set(io.poolforge.ui.Theme.Choice.LIGHT);
            context.i18n().setLocale(Locale.ENGLISH);
            window.showWizard();
            return null;
        });
        fx(() -> context.wizard());
        fx(() -> {
            context.signIn().scenarioProperty().set(scenario);
            context.signIn().trySandbox();
            return null;
        });
        waitFor(() -> context.session().account() != null);
        fx(() -> {
            window.showInspector();
            return null;
        });
        waitFor(() -> stage.getScene().lookup("#inspect-pools") != null
                && !((TableView<?>) stage.getScene().lookup("#inspect-pools")).getItems().isEmpty());
        Stage watch = fx(() -> {
            Stage w = context.openWatchWindow(poolId);
            w.setWidth(1280);
            w.setHeight(800);
            return w;
        });
        return watch;
    }

    /** The watch window of the "nodes" scenario's custom-image pool: grouped node errors, then the table and a node's stderr. */
    void nodes(Path outDir) throws Exception {
        Stage watch = watchIn("nodes", "render-custom-nodes");
        waitFor(() -> {
            var groups = (javafx.scene.layout.VBox) watch.getScene().lookup("#nodes-groups");
            return groups != null && groups.getChildren().size() >= 3;
        });
        fx(() -> {
            @SuppressWarnings("unchecked") TableView<io.poolforge.domain.nodes.ComputeNode> table =
                    (TableView<io.poolforge.domain.nodes.ComputeNode>) watch.getScene().lookup("#nodes-table");
            table.getItems().stream().filter(n -> n.inState("startTaskFailed")).findFirst().ifPresent(n -> {
                table.getSelectionModel().select(n);
                table.scrollTo(Math.max(0, table.getItems().indexOf(n) - 2));
            });
            return null;
        });
        Thread.sleep(1500);
        for (Locale locale : Messages.SUPPORTED) {
            fx(() -> {
                context.i18n().setLocale(locale);
                return null;
            });
            Thread.sleep(400);
            fx(() -> {
                scrollTo(watch, "#nodes-panel");
                write(watch.getScene(), outDir.resolve(locale.getLanguage() + "-10-nodes.png"));
                return null;
            });
            fx(() -> {
                scrollTo(watch, "#nodes-table");
                write(watch.getScene(), outDir.resolve(locale.getLanguage() + "-11-nodes-detail.png"));
                return null;
            });
        }
        fx(() -> {
            watch.close();
            return null;
        });
    }

    /** PF-17: the watch window of the "diagnose" scenario's ubuntu-unusable pool, scrolled to its diagnosis. */
    void diagnose(Path outDir) throws Exception {
        Stage watch = watchIn("diagnose", "ubuntu-unusable");
        waitFor(() -> {
            var cards = (javafx.scene.layout.Pane) watch.getScene().lookup("#watch-diagnoses");
            return cards != null && cards.lookup(".diagnosis-checked") != null;
        });
        Thread.sleep(1000);
        for (Locale locale : Messages.SUPPORTED) {
            fx(() -> {
                context.i18n().setLocale(locale);
                return null;
            });
            Thread.sleep(600);
            fx(() -> {
                scrollTo(watch, "#watch-diagnoses");
                write(watch.getScene(), outDir.resolve(locale.getLanguage() + "-12-diagnosis-unknown.png"));
                return null;
            });
        }
        fx(() -> {
            watch.close();
            return null;
        });
    }
}
