package io.poolforge.app;

import io.poolforge.i18n.Messages;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.vm.VmRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * What every walk of {@link Screenshots} shares: the app, its window and stage, and the steps they all take (to the pool
 * step, picking a VM, a value, a picture of the window in every language, Next). One walk per subclass.
 */
abstract class ShotWalk {
    protected final AppContext context;
    protected final Stage stage;
    protected final io.poolforge.ui.MainWindow window;
    /** The tool's arguments (the walk reads its own options from them). */
    protected final List<String> args;

    ShotWalk(AppContext context, Stage stage, io.poolforge.ui.MainWindow window, List<String> args) {
        this.context = context;
        this.stage = stage;
        this.window = window;
        this.args = List.copyOf(args);
    }

    /** Takes the walk's pictures into {@code outDir} (off the FX thread). */
    abstract void run(Path outDir) throws Exception;

    /** Signs in to the sandbox, picks the demo VM with data disks and goes to the pool step. */
    WizardFrame toPoolStep() throws Exception {
        return toPoolStep(null);
    }

    /** The wizard in English and the light theme, signed in to the sandbox, at the VM step. */
    WizardFrame atVmStep() throws Exception {
        fx(() -> {
            context.theme().choiceProperty().set(io.poolforge.ui.Theme.Choice.LIGHT);
            context.i18n().setLocale(Locale.ENGLISH);
            window.showWizard();
            return null;
        });
        WizardFrame wizard = fx(() -> context.wizard());
        fx(() -> {
            context.signIn().trySandbox();
            return null;
        });
        waitFor(() -> context.session().account() != null && !context.session().vmSizes().isEmpty());
        next(wizard, "vm");
        return wizard;
    }

    /** As {@link #toPoolStep()} with the VM named {@code vmName} (null: the first eligible one with data disks). */
    WizardFrame toPoolStep(String vmName) throws Exception {
        WizardFrame wizard = atVmStep();
        waitFor(() -> vmTable().getItems().size() > 0 && !rows().isEmpty());
        Thread.sleep(300);
        if (vmName == null) pickVm(); else pickVm(vmName);
        waitFor(() -> context.session().vm() != null);
        Thread.sleep(500);
        for (String id : List.of("snapshot", "image", "pool")) next(wizard, id);
        Thread.sleep(300);
        return wizard;
    }

    void pickVm(String name) throws Exception {
        waitFor(() -> vmTable().getItems().stream().anyMatch(r -> r.vm().name().equals(name)));
        fx(() -> {
            TableView<VmRow> table = vmTable();
            VmRow pick = table.getItems().stream().filter(r -> r.vm().name().equals(name)).findFirst().orElseThrow();
            table.getSelectionModel().select(pick);
            table.scrollTo(pick);
            return null;
        });
    }

    void pickVm() throws Exception {
        fx(() -> {
            TableView<VmRow> table = vmTable();
            VmRow pick = table.getItems().stream()
                    .filter(r -> r.eligibility() != VmRow.Eligibility.BLOCKED && !r.vm().dataDisks().isEmpty())
                    .findFirst()
                    .orElse(table.getItems().stream().filter(r -> r.eligibility() != VmRow.Eligibility.BLOCKED).findFirst().orElseThrow());
            table.getSelectionModel().select(pick);
            table.scrollTo(pick);
            return null;
        });
    }

    /**
     * The pool step as Marketplace (Ubuntu 22.04 gen 2 from the supported images) and as the latest version of an
     * existing gallery definition, in every language. Leaves the wizard on the pool step, nothing created.
     */
    void poolTypeShots(WizardFrame wizard, Path outDir) throws Exception {
        fx(() -> {
            wizard.goTo(wizard.stepsInOrder().stream().filter(st -> st.id().equals("pool")).findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(250);
        fx(() -> {
            ((javafx.scene.control.RadioButton) stage.getScene().lookup("#pool-type-marketplace")).fire();
            select("#pool-publisher", "canonical");
            select("#pool-offer", "0001-com-ubuntu-server-jammy");
            select("#pool-sku", "22_04-lts-gen2");
            return null;
        });
        shots(outDir, "05b-pool-marketplace");
        // An existing definition's latest version: the VM step's "start from an existing gallery image".
        fx(() -> {
            ((javafx.scene.control.RadioButton) stage.getScene().lookup("#pool-type-gallery")).fire();
            wizard.goTo(wizard.stepsInOrder().stream().filter(st -> st.id().equals("vm")).findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(250);
        fx(() -> {
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#vm-from-existing")).setSelected(true);
            return null;
        });
        waitFor(() -> !((javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#vm-existing-image")).getItems().isEmpty());
        fx(() -> {
            @SuppressWarnings("unchecked") var combo = (javafx.scene.control.ComboBox<io.poolforge.domain.GalleryImageVersionInfo>)
                    stage.getScene().lookup("#vm-existing-image");
            combo.getItems().stream().filter(v -> v.image().name().equals("ubuntu2204-render")).findFirst()
                    .ifPresent(v -> combo.getSelectionModel().select(v));
            return null;
        });
        Thread.sleep(300);
        next(wizard, "pool");
        fx(() -> {
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#pool-gallery-latest")).setSelected(true);
            return null;
        });
        shots(outDir, "05c-pool-gallery-latest");
    }

    @SuppressWarnings("unchecked")
    void select(String id, String value) {
        ((javafx.scene.control.ComboBox<String>) stage.getScene().lookup(id)).setValue(value);
    }

    /** The window in every language as {@code <lang>-<name>.png}, scrolled to the top. */
    void shots(Path outDir, String name) throws Exception {
        shots(stage.getScene(), outDir, name);
    }

    /** {@code scene} (the main window's or the watch window's) in every language, then back to English. */
    void shots(javafx.scene.Scene scene, Path outDir, String name) throws Exception {
        shots(scene, outDir, name, null);
    }

    /** As above, with {@code beforeEach} (FX thread; a scroll, say) run in each language before the picture. */
    void shots(javafx.scene.Scene scene, Path outDir, String name, Runnable beforeEach) throws Exception {
        for (Locale locale : Messages.SUPPORTED) {
            fx(() -> {
                context.i18n().setLocale(locale);
                return null;
            });
            Thread.sleep(300);
            if (beforeEach != null) {
                fx(() -> {
                    beforeEach.run();
                    return null;
                });
                Thread.sleep(200);
            }
            fx(() -> {
                write(scene, outDir.resolve(locale.getLanguage() + "-" + name + ".png"));
                return null;
            });
        }
        fx(() -> {
            context.i18n().setLocale(Locale.ENGLISH);
            return null;
        });
    }

    /** Scrolls the window's scroll pane so that the node found by {@code selector} is at the top. */
    static void scrollTo(Stage w, String selector) {
        w.getScene().getRoot().applyCss();
        w.getScene().getRoot().layout();
        javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) w.getScene().getRoot().lookup(".scroll-pane");
        javafx.scene.Node target = w.getScene().lookup(selector);
        javafx.scene.Node content = sp.getContent();
        double y = content.sceneToLocal(target.localToScene(0, 0)).getY();
        double extra = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
        sp.setVvalue(extra <= 0 ? 0 : Math.min(1, Math.max(0, (y - 8) / extra)));
        w.getScene().getRoot().layout();
    }

    List<?> rows() {
        return context.session().vmSizes();
    }

    @SuppressWarnings("unchecked")
    TableView<VmRow> vmTable() {
        return (TableView<VmRow>) stage.getScene().lookup("#vm-table");
    }

    void next(WizardFrame wizard, String expected) throws Exception {
        fx(() -> {
            // The image step's checklist is the user's to confirm; the demo confirms it.
            stage.getScene().getRoot().lookupAll(".image-check")
                    .forEach(n -> ((javafx.scene.control.CheckBox) n).setSelected(true));
            return null;
        });
        try {
            waitFor(() -> !stage.getScene().lookup("#wizard-next").isDisabled());
        } catch (IllegalStateException e) {
            fx(() -> {
                write(stage.getScene(), Path.of(System.getProperty("java.io.tmpdir"), "poolforge-stuck.png"));
                stage.getScene().getRoot().lookupAll(".violation-list").forEach(n -> ((javafx.scene.Parent) n)
                        .getChildrenUnmodifiable().forEach(c -> System.err.println(((javafx.scene.control.Label) c).getText())));
                return null;
            });
            throw new IllegalStateException("Next stays disabled on " + fx(() -> wizard.currentStep().id()), e);
        }
        fx(() -> {
            wizard.goNext();
            return null;
        });
        if (!expected.equals(fx(() -> wizard.currentStep().id()))) {
            throw new IllegalStateException("expected step " + expected + " but at " + fx(() -> wizard.currentStep().id()));
        }
    }

    static <T> T fx(java.util.function.Supplier<T> action) throws Exception {
        return FxDriver.fx(action);
    }

    static void waitFor(java.util.function.Supplier<Boolean> condition) throws Exception {
        FxDriver.waitFor(condition, java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(100));
    }

    static void write(javafx.scene.Scene scene, Path file) {
        Screenshots.write(scene, file);
    }
}
