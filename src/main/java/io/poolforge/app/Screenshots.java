package io.poolforge.app;

import io.poolforge.i18n.Messages;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.WizardStep;
import io.poolforge.ui.wizard.vm.VmRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
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
                    if (firstNode != null) driveFirstNode(outDir, "bad".equals(firstNode));
                    else if (trustedLaunchOnly) driveTrustedLaunch(outDir);
                    else if (poolTypesOnly) drivePoolTypes(outDir);
                    else drive(outDir);
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

        /** Only the pool step with each image type (PF-15), in every language. */
        private void drivePoolTypes(Path outDir) throws Exception {
            Files.createDirectories(outDir);
            WizardFrame wizard = toPoolStep();
            shots(outDir, "05-pool");
            poolTypeShots(wizard, outDir);
        }

        /**
         * PF-19: a pool on an existing gallery image through the first-node stage: the good image while its node boots and
         * once the pool grew, or the image that cannot boot (a Windows definition holding a Linux disk) once its node failed.
         */
        private void driveFirstNode(Path outDir, boolean bad) throws Exception {
            Files.createDirectories(outDir);
            fx(() -> {
                context.theme().choiceProperty().set(io.poolforge.ui.Theme.Choice.LIGHT);
                context.i18n().setLocale(Locale.ENGLISH);
                stage.setWidth(1280);
                stage.setHeight(800);
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

        /**
         * PF-16: the pool step for the demo's Trusted Launch VM ({@code --trusted-launch}): {@code xx-05-pool-trusted-launch.png}
         * (Standard_D2s_v3: the security profile the pool gets), {@code xx-05-pool-trusted-launch-sizes.png} (each size's
         * generations and Trusted Launch capability as Azure reports them) and {@code xx-05-pool-trusted-launch-refused.png} (Standard_M64,
         * which reports TrustedLaunchDisabled, refused).
         */
        private void driveTrustedLaunch(Path outDir) throws Exception {
            Files.createDirectories(outDir);
            toPoolStep("vm-trusted-launch");
            pickSize("Standard_D2s_v3");
            shotsAt(outDir, "05-pool-trusted-launch", "#pool-security-profile");
            shotsAt(outDir, "05-pool-trusted-launch-sizes", "#pool-size-filter");
            pickSize("Standard_M64");
            shotsAt(outDir, "05-pool-trusted-launch-refused", "#pool-security-profile");
        }

        /** As {@link #shots(Path, String)}, with the main window scrolled so that {@code selector} is at the top. */
        private void shotsAt(Path outDir, String name, String selector) throws Exception {
            for (Locale locale : Messages.SUPPORTED) {
                fx(() -> {
                    context.i18n().setLocale(locale);
                    return null;
                });
                Thread.sleep(300);
                fx(() -> {
                    scrollTo(stage, selector);
                    return null;
                });
                Thread.sleep(200);
                fx(() -> {
                    write(stage.getScene(), outDir.resolve(locale.getLanguage() + "-" + name + ".png"));
                    return null;
                });
            }
            fx(() -> {
                context.i18n().setLocale(Locale.ENGLISH);
                return null;
            });
        }

        @SuppressWarnings("unchecked")
        private void pickSize(String name) throws Exception {
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

        /** Signs in to the sandbox, picks the demo VM with data disks and goes to the pool step. */
        private WizardFrame toPoolStep() throws Exception {
            return toPoolStep(null);
        }

        /** As {@link #toPoolStep()} with the VM named {@code vmName} (null: the first eligible one with data disks). */
        private WizardFrame toPoolStep(String vmName) throws Exception {
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
            waitFor(() -> vmTable().getItems().size() > 0 && !rows().isEmpty());
            Thread.sleep(300);
            if (vmName == null) pickVm(); else pickVm(vmName);
            waitFor(() -> context.session().vm() != null);
            Thread.sleep(500);
            for (String id : List.of("snapshot", "image", "pool")) next(wizard, id);
            Thread.sleep(300);
            return wizard;
        }

        private void pickVm(String name) throws Exception {
            waitFor(() -> vmTable().getItems().stream().anyMatch(r -> r.vm().name().equals(name)));
            fx(() -> {
                TableView<VmRow> table = vmTable();
                VmRow pick = table.getItems().stream().filter(r -> r.vm().name().equals(name)).findFirst().orElseThrow();
                table.getSelectionModel().select(pick);
                table.scrollTo(pick);
                return null;
            });
        }

        private void pickVm() throws Exception {
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
        private void poolTypeShots(WizardFrame wizard, Path outDir) throws Exception {
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
        private void select(String id, String value) {
            ((javafx.scene.control.ComboBox<String>) stage.getScene().lookup(id)).setValue(value);
        }

        /** The window in every language as {@code <lang>-<name>.png}, scrolled to the top. */
        private void shots(Path outDir, String name) throws Exception {
            shots(stage.getScene(), outDir, name);
        }

        /** {@code scene} (the main window's or the watch window's) in every language, then back to English. */
        private void shots(javafx.scene.Scene scene, Path outDir, String name) throws Exception {
            for (Locale locale : Messages.SUPPORTED) {
                fx(() -> {
                    context.i18n().setLocale(locale);
                    return null;
                });
                Thread.sleep(300);
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

        private void drive(Path outDir) throws Exception {
            Files.createDirectories(outDir);
            if (getParameters().getRaw().contains("--nodes")) {
                nodes(outDir);
                return;
            }
            if (getParameters().getRaw().contains("--diagnose")) {
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
        private Stage watchIn(String scenario, String poolId) throws Exception {
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
        private void nodes(Path outDir) throws Exception {
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
        private void diagnose(Path outDir) throws Exception {
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

        /** Scrolls the window's scroll pane so that the node found by {@code selector} is at the top. */
        private static void scrollTo(Stage w, String selector) {
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

        private List<?> rows() {
            return context.session().vmSizes();
        }

        @SuppressWarnings("unchecked")
        private TableView<VmRow> vmTable() {
            return (TableView<VmRow>) stage.getScene().lookup("#vm-table");
        }

        private void next(WizardFrame wizard, String expected) throws Exception {
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
    }

    static <T> T fx(Supplier<T> action) throws Exception {
        return FxDriver.fx(action);
    }

    static void waitFor(Supplier<Boolean> condition) throws Exception {
        FxDriver.waitFor(condition, java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(100));
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
