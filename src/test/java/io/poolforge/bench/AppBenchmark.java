package io.poolforge.bench;

import io.poolforge.app.AppContext;
import io.poolforge.app.AppPaths;
import io.poolforge.app.DesktopApp;
import io.poolforge.cli.RootCommand;
import io.poolforge.ui.MainWindow;
import io.poolforge.ui.wizard.WizardFrame;
import io.poolforge.ui.wizard.WizardStep;
import io.poolforge.ui.wizard.vm.VmRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import picocli.CommandLine;

/**
 * PoolForge's real window, started the way {@code java -jar poolforge.jar} starts it (as Main does with
 * no arguments; {@code -Dbench.viaPicocli=true}: through the picocli root command as before), then
 * {@link DesktopApp#show} and the first-run sandbox as in {@code DesktopApp.start}, in a fresh PoolForge folder with the sandbox at time scale 0.
 *
 * <p>Args: {@code startup} — print the time from JVM start to the first interactive screen (second
 * pulse after the sign-in step is shown) and exit; {@code flow [demo|large]} — then drive the whole
 * wizard like {@code io.poolforge.app.Screenshots} (connect, VM step, every step, create the pool,
 * every step in both languages, the inspector) while {@link FxStallProbe} watches the FX thread,
 * and print the peak resident set at the end. With {@code large}, also types a search into the VM
 * table over 10,000 rows, one keystroke at a time. {@code -Dbench.stopAfter=vm-list}: end the flow once the VM step
 * has listed its VMs.
 */
public final class AppBenchmark {
    private AppBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Bench.originFrom(args);
        Path home = Files.createTempDirectory("poolforge-bench");
        System.setProperty("poolforge.home", home.toString());
        System.setProperty("poolforge.logdir", home.resolve("logs").toString());
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("poolforge.sandbox.timeScale", "0");
        io.poolforge.app.Main.initLoggingInBackground(); // as Main does
        io.poolforge.app.Main.renderingDefaults(); // as Main does
        if (Boolean.getBoolean("bench.viaPicocli")) {
            // As Main did before its no-argument fast path: the root command decides to open the desktop.
            new CommandLine(new RootCommand(() -> Application.launch(App.class, args))).execute();
        } else {
            // As Main does with no arguments.
            Application.launch(App.class, args);
        }
    }

    public static final class App extends Application {
        private AppContext context;
        private Stage stage;
        private MainWindow window;
        private final FxStallProbe probe = new FxStallProbe();
        private final Bench.Result result = new Bench.Result("app");
        private Thread fxThread;

        /** As DesktopApp.init: the icons' font is loaded on the launcher thread, not in start(). */
        @Override
        public void init() {
            io.poolforge.ui.Icons.load();
        }

        @Override
        public void start(Stage stage) {
            this.stage = stage;
            List<String> raw = getParameters().getRaw();
            String mode = raw.isEmpty() ? "startup" : raw.get(0);
            String scenario = raw.size() > 1 ? raw.get(1) : "demo";
            result.put("mode", mode).put("scenario", scenario);
            // README path: this JVM's own start after the relaunching JVM's (what the relaunch costs before this JVM runs).
            long ownStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            if (ownStart != Bench.originMs) result.put("relaunchMs", (double) (ownStart - Bench.originMs));
            result.put("startCalledMs", Bench.sinceJvmStart());
            String sampled = System.getProperty("bench.sample", "");
            fxThread = Thread.currentThread();
            // true: the FX thread from start() to the first frame; render: Prism's. The other values name a later phase.
            FxSampler sampler = !sampled.equals("true") && !sampled.equals("render") ? null
                    : new FxSampler(sampled.equals("render") ? FxSampler.thread("QuantumRenderer") : Thread.currentThread());
            // The FX thread's CPU from start() to the first interactive frame, and the whole process's since JVM start
            // (less noisy than wall time on a shared machine, for comparing two builds of the first frame).
            long fxCpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            // What DesktopApp.start does (with the scenario chosen before the first-run sandbox starts).
            long b0 = System.nanoTime();
            context = new AppContext(AppPaths.fromEnvironment(), Locale.getDefault(), AppContext.Options.desktop());
            context.setUriOpener(uri -> { });
            if (mode.equals("breakdown")) { // the same work, timed piece by piece (wizard() and inspector() are built once)
                long b1 = System.nanoTime();
                context.wizard();
                long b2 = System.nanoTime();
                context.inspector();
                long b3 = System.nanoTime();
                result.put("contextMs", Bench.ms(b1 - b0)).put("wizardMs", Bench.ms(b2 - b1)).put("inspectorMs", Bench.ms(b3 - b2));
            }
            long b4 = System.nanoTime();
            window = DesktopApp.show(context, stage);
            result.put("showMs", Bench.ms(System.nanoTime() - b4));
            result.put("shownMs", Bench.sinceJvmStart());
            // As DesktopApp.start: the first-run sandbox starts once the first frame is on screen.
            if (context.shouldStartInSandbox()) {
                DesktopApp.afterFirstFrame(() -> {
                    context.signIn().scenarioProperty().set(scenario);
                    context.signIn().trySandbox();
                });
            }
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses < 2) return;
                    stop();
                    result.put("interactiveMs", Bench.sinceJvmStart());
                    result.put("startFxCpuMs", Bench.ms(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - fxCpu0));
                    result.put("startProcessCpuMs", Bench.ms(((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()));
                    if (sampler != null) sampler.stopAndPrint(80);
                    result.put("startupPeakRssMb", Bench.procStatusMb("VmHWM"));
                    result.put("startupThreads", Bench.procStatusMb("Threads") * 1024);
                    result.put("startupClasses", java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
                    if (!mode.equals("flow")) {
                        // Let the first-run sandbox connect (the user sees the sign-in step meanwhile).
                        background(() -> {
                            timeline();
                            result.put("connectedMs", Bench.sinceJvmStart());
                        });
                    } else {
                        probe.start();
                        probe.watch(stage.getScene());
                        background(() -> drive(scenario));
                    }
                }
            }.start();
        }

        /**
         * The first-run connection's timeline (ms after JVM start, polled every 2 ms from the first screen on): the
         * sandbox up (certificate, HTTPS server, estate), the SDK connection made (clients, credential, token and
         * subscriptions read), a subscription chosen, the Batch accounts read and one chosen, the account's facts in.
         */
        private void timeline() throws Exception {
            String[] names = {"tlSandboxMs", "tlConnectionMs", "tlSubscriptionMs", "tlAccountsMs", "tlAccountMs", "tlFactsMs"};
            double[] at = new double[names.length];
            long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (at[names.length - 1] == 0) {
                if (System.nanoTime() > limit) throw new IllegalStateException("not connected in 90 s");
                boolean[] now = {context.currentSandbox().isPresent(), context.session().connection() != null,
                        context.session().subscriptionProperty().get() != null, !context.signIn().accounts().isEmpty(),
                        context.session().account() != null,
                        context.session().account() != null && !context.session().vmSizes().isEmpty()};
                double t = Bench.sinceJvmStart();
                for (int i = 0; i < names.length; i++) if (now[i] && at[i] == 0) at[i] = t;
                Thread.sleep(2);
            }
            for (int i = 0; i < names.length; i++) result.put(names[i], at[i]);
            cpuByThreadGroup().forEach((group, ms) -> result.put("connectCpu" + group + "Ms", ms));
        }

        /**
         * With {@code -Dbench.nmt=FILE} (and {@code -XX:NativeMemoryTracking=summary}): the JVM's native memory summary at
         * the end of the measurement, written to FILE (after the figures are printed: JMX costs memory of its own).
         * {@code -Dbench.nmtMode=detail} (with {@code -XX:NativeMemoryTracking=detail}) writes the call sites instead.
         */
        private static void nativeMemory() {
            String file = System.getProperty("bench.nmt");
            if (file == null) return;
            try {
                Object out = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                        new Object[] {new String[] {System.getProperty("bench.nmtMode", "summary")}}, new String[] {String[].class.getName()});
                Object histogram = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                        new Object[] {new String[] {}}, new String[] {String[].class.getName()});
                out = out + "\n" + String.join("\n", java.util.Arrays.asList(String.valueOf(histogram).split("\n")).subList(0, 40));
                StringBuilder threads = new StringBuilder("\nThreads alive:\n");
                Thread.getAllStackTraces().keySet().stream().map(t -> t.getName().replaceAll("[0-9]+", "#")).sorted()
                        .collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                        .forEach((n, c) -> threads.append("  ").append(c).append(" ").append(n).append('\n'));
                Files.writeString(Path.of(file), out + threads.toString() + "\n" + Files.readString(Path.of("/proc/self/smaps_rollup")));
                // The mappings over 1 MB resident (heap, metaspace, arenas, frame buffers), for where the RSS goes.
                StringBuilder maps = new StringBuilder();
                String head = null;
                for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                    if (!line.contains(":") || line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) head = line;
                    else if (line.startsWith("Rss:") && Long.parseLong(line.replaceAll("[^0-9]", "")) >= 1024) maps.append(line).append("  ").append(head).append('\n');
                }
                Files.writeString(Path.of(file + ".maps"), maps.toString());
            } catch (Exception e) {
                e.printStackTrace();
            }
        }

        /** CPU time so far of the live threads, by group: Sandbox (its HTTPS server), Http (the JDK client), Sdk (reactor), Tasks, Fx, Render (Prism), Bench (this harness), Other. */
        private static java.util.Map<String, Double> cpuByThreadGroup() {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Map<String, Double> out = new java.util.TreeMap<>();
            for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (ti == null) continue;
                long ns = mx.getThreadCpuTime(ti.getThreadId());
                if (ns < 0) continue;
                String n = ti.getThreadName();
                String group = n.startsWith("poolforge-sandbox") ? "Sandbox" : n.startsWith("HttpClient") ? "Http"
                        : n.startsWith("boundedElastic") || n.startsWith("reactor") ? "Sdk" : n.startsWith("poolforge-task") ? "Tasks"
                        : n.equals("JavaFX Application Thread") ? "Fx" : n.startsWith("QuantumRenderer") ? "Render"
                        : n.startsWith("bench-") || n.startsWith("fx-stall") ? "Bench" : "Other";
                out.merge(group, ns / 1e6, Double::sum);
            }
            return out;
        }

        private void background(ThrowingRunnable work) {
            Thread t = new Thread(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    e.printStackTrace();
                    result.put("error", e.toString());
                } finally {
                    Platform.runLater(() -> {
                        try {
                            probe.stopInto(result);
                        } catch (RuntimeException ignored) {
                            // startup mode: the probe never ran
                        }
                        result.put("peakRssMb", Bench.procStatusMb("VmHWM"));
                        result.put("threads", Bench.procStatusMb("Threads") * 1024);
                        result.put("classes", java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
                        result.put("rssMb", Bench.procStatusMb("VmRSS"));
                        Runtime rt = Runtime.getRuntime();
                        result.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
                        result.put("heapCommittedMb", rt.totalMemory() / 1048576.0);
                        result.print();
                        nativeMemory();
                        context.close();
                        Platform.exit();
                    });
                }
            }, "bench-driver");
            t.setDaemon(true);
            t.start();
        }

        private void drive(String scenario) throws Exception {
            // The start screen's first door: the wizard (built now, as a click on it builds it).
            probe.phase("open-wizard");
            WizardFrame wizard = fx(() -> {
                if (Boolean.getBoolean("bench.wizardBreakdown")) return wizardBreakdown();
                window.showWizard();
                return context.wizard();
            });
            probe.phase("connect");
            FxSampler connectSampler = System.getProperty("bench.sample", "").equals("connect") ? new FxSampler(fxThread) : null;
            waitFor(() -> context.session().account() != null && !context.session().vmSizes().isEmpty());
            if (connectSampler != null) connectSampler.stopAndPrint(110);
            result.put("connectedMs", Bench.sinceJvmStart());

            probe.phase("vm-list");
            java.util.Map<String, Double> cpu0 = cpuByThreadGroup();
            // -Dbench.sample=vmlist (FX thread) or vmlist-render (Prism's): where the listing's UI CPU goes.
            String sampled = System.getProperty("bench.sample", "");
            FxSampler listSampler = !sampled.startsWith("vmlist") ? null
                    : new FxSampler(sampled.equals("vmlist-render") ? FxSampler.thread("QuantumRenderer") : fxThread);
            long t0 = System.nanoTime();
            next(wizard, "vm");
            int expected = scenario.equals("large") ? 10_000 : 1;
            int last = 0;
            long lastChange = t0;
            long first = 0;
            long limit = t0 + TimeUnit.SECONDS.toNanos(90);
            // Poll the table every 10 ms: first rows, then all pages (the count reached and stops growing).
            while (last < expected || System.nanoTime() - lastChange < 600_000_000L) {
                if (System.nanoTime() > limit) throw new IllegalStateException("VM list incomplete: " + last);
                int n = fx(() -> vmTable() == null ? 0 : vmTable().getItems().size());
                long now = System.nanoTime();
                if (n != last) {
                    if (last == 0) first = now;
                    last = n;
                    lastChange = now;
                }
                Thread.sleep(10);
            }
            if (listSampler != null) listSampler.stopAndPrint(90);
            result.put("vmFirstRowsMs", Bench.ms(first - t0));
            result.put("vmAllRowsMs", Bench.ms(lastChange - t0));
            result.put("vmRows", last);
            // Where the listing's CPU went, by thread group (the in-process sandbox serving the pages is not PoolForge's own).
            java.util.Map<String, Double> cpu1 = cpuByThreadGroup();
            cpu1.forEach((group, ms) -> result.put("vmListCpu" + group + "Ms", ms - cpu0.getOrDefault(group, 0.0)));
            // -Dbench.stopAfter=vm-list: end here (bench/run.sh classlist records the classes up to the listed VMs).
            if (System.getProperty("bench.stopAfter", "").equals("vm-list")) return;

            if (scenario.equals("large")) typeSearch();

            probe.phase("vm-select");
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
            waitFor(() -> context.session().vm() != null);
            Thread.sleep(300);
            for (String id : List.of("snapshot", "image", "pool", "review", "create")) {
                probe.phase("step-" + id);
                next(wizard, id);
                Thread.sleep(150);
            }
            probe.phase("create");
            // -Dbench.sample=create: where the FX thread's time goes from Start to the watch (PF-21 fifth pass).
            FxSampler createSampler = System.getProperty("bench.sample", "").equals("create") ? new FxSampler(fxThread) : null;
            long c0 = System.nanoTime();
            fx(() -> {
                ((Button) stage.getScene().lookup("#create-start")).fire();
                return null;
            });
            waitFor(() -> (!text("#create-status").isEmpty() || !text("#create-error").isEmpty())
                    && stage.getScene().lookup("#create-cancel").isDisabled());
            String createError = fx(() -> text("#create-error"));
            if (createError.isEmpty()) {
                result.put("createToPoolMs", Bench.ms(System.nanoTime() - c0));
                waitFor(() -> !text("#watch-allocation").isEmpty());
                result.put("createToWatchMs", Bench.ms(System.nanoTime() - c0));
            } else {
                result.put("createError", createError);
            }
            Thread.sleep(500);
            if (createSampler != null) createSampler.stopAndPrint(110);
            for (Locale locale : List.of(new Locale("es"), Locale.ENGLISH)) {
                probe.phase("language-" + locale.getLanguage());
                fx(() -> {
                    context.i18n().setLocale(locale);
                    return null;
                });
                for (WizardStep step : fx(() -> wizard.stepsInOrder())) {
                    probe.phase("revisit-" + step.id());
                    fx(() -> {
                        wizard.goTo(step);
                        return null;
                    });
                    Thread.sleep(150);
                }
            }
            probe.phase("inspector");
            // -Dbench.sample=inspector: where the inspector's FX-thread work goes (opening it, then the first pool's details).
            FxSampler inspectorSampler = System.getProperty("bench.sample", "").equals("inspector") ? new FxSampler(fxThread) : null;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            fx(() -> {
                long i0 = threads.getCurrentThreadCpuTime();
                window.showInspector();
                result.put("inspectorOpenCpuMs", Bench.ms(threads.getCurrentThreadCpuTime() - i0));
                return null;
            });
            waitFor(() -> stage.getScene().lookup("#inspect-pools") != null
                    && !((TableView<?>) stage.getScene().lookup("#inspect-pools")).getItems().isEmpty());
            fx(() -> {
                long i0 = threads.getCurrentThreadCpuTime();
                ((TableView<?>) stage.getScene().lookup("#inspect-pools")).getSelectionModel().select(0);
                result.put("inspectorSelectCpuMs", Bench.ms(threads.getCurrentThreadCpuTime() - i0));
                return null;
            });
            Thread.sleep(1000);
            if (inspectorSampler != null) inspectorSampler.stopAndPrint(110);
            probe.phase("end");
            result.put("flowEndMs", Bench.sinceJvmStart());
        }

        /**
         * -Dbench.wizardBreakdown=true (a diagnosis, not the flow's figure: it joins the pulse's work to the build): FX-thread
         * CPU of building the wizard, then of the first CSS pass subtree by subtree (the frame's step list and buttons,
         * then each child of the step's view), then the layout, and the nodes in the scene.
         */
        private WizardFrame wizardBreakdown() {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            window.showWizard();
            WizardFrame w = context.wizard();
            long c1 = mx.getCurrentThreadCpuTime();
            result.put("bdBuildMs", Bench.ms(c1 - c0));
            result.put("bdNodes", count(stage.getScene().getRoot()));
            StringBuilder parts = new StringBuilder();
            // The first CSS pass piece by piece: the frame with the step's view emptied, then the view's parts put back
            // one at a time (a pane's own parts too, three levels down), each styled as it comes back.
            javafx.scene.layout.Pane view = (javafx.scene.layout.Pane) w.currentStep().view();
            java.util.List<javafx.scene.Node> kids = new java.util.ArrayList<>(view.getChildren());
            view.getChildren().clear();
            long f0 = mx.getCurrentThreadCpuTime();
            stage.getScene().getRoot().applyCss();
            parts.append("frame:").append(String.format(java.util.Locale.ROOT, "%.0f", Bench.ms(mx.getCurrentThreadCpuTime() - f0)));
            putBack(view, kids, "", 0, parts, mx);
            long c2 = mx.getCurrentThreadCpuTime();
            stage.getScene().getRoot().applyCss();
            long c3 = mx.getCurrentThreadCpuTime();
            stage.getScene().getRoot().layout();
            long c4 = mx.getCurrentThreadCpuTime();
            result.put("bdCssParts", parts.toString());
            result.put("bdCssMs", Bench.ms(c3 - c1));
            result.put("bdCssRestMs", Bench.ms(c3 - c2));
            result.put("bdLayoutMs", Bench.ms(c4 - c3));
            result.put("bdNodesAfterCss", count(stage.getScene().getRoot()));
            return w;
        }

        private static void putBack(javafx.scene.layout.Pane into, java.util.List<javafx.scene.Node> kids, String path, int depth,
                StringBuilder out, java.lang.management.ThreadMXBean mx) {
            int i = 0;
            for (javafx.scene.Node k : kids) {
                String name = path + i++ + (k.getId() != null ? "#" + k.getId() : "-" + k.getClass().getSimpleName());
                if (k instanceof javafx.scene.layout.Pane kp && depth < 3 && !kp.getChildren().isEmpty()) {
                    java.util.List<javafx.scene.Node> grand = new java.util.ArrayList<>(kp.getChildren());
                    kp.getChildren().clear();
                    long a = mx.getCurrentThreadCpuTime();
                    into.getChildren().add(k);
                    k.applyCss();
                    out.append(',').append(name).append("(shell):").append(String.format(java.util.Locale.ROOT, "%.0f", Bench.ms(mx.getCurrentThreadCpuTime() - a)));
                    putBack(kp, grand, name + "/", depth + 1, out, mx);
                } else {
                    long a = mx.getCurrentThreadCpuTime();
                    into.getChildren().add(k);
                    k.applyCss();
                    out.append(',').append(name).append(':').append(String.format(java.util.Locale.ROOT, "%.0f", Bench.ms(mx.getCurrentThreadCpuTime() - a)));
                }
            }
        }

        private static int count(javafx.scene.Node n) {
            int c = 1;
            if (n instanceof javafx.scene.Parent p) for (javafx.scene.Node k : p.getChildrenUnmodifiable()) c += count(k);
            return c;
        }

        /** Types "fleet 0042" into the VM search, one character at a time, as the FX thread would see it. */
        private void typeSearch() throws Exception {
            probe.phase("vm-search");
            String query = "vm-fleet-0042";
            List<Double> perKey = new ArrayList<>();
            List<Double> setOnly = new ArrayList<>();
            for (int i = 1; i <= query.length() * 2; i++) {
                String text = i <= query.length() ? query.substring(0, i) : query.substring(0, query.length() * 2 - i);
                double ms = fx(() -> {
                    TextField search = (TextField) stage.getScene().lookup("#vm-search");
                    long k0 = System.nanoTime();
                    search.setText(text);
                    setOnly.add(Bench.ms(System.nanoTime() - k0));
                    // What the next pulse does with the new rows: CSS and layout of the table.
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    return Bench.ms(System.nanoTime() - k0);
                });
                perKey.add(ms);
                Thread.sleep(60);
            }
            double[] v = perKey.stream().mapToDouble(Double::doubleValue).toArray();
            result.put("keystrokeMedianMs", Bench.median(v)).put("keystrokeMaxMs", Bench.max(v))
                    .put("keystrokes", v.length)
                    .put("keystrokeSetTextMedianMs", Bench.median(setOnly.stream().mapToDouble(Double::doubleValue).toArray()));
            fx(() -> {
                ((TextField) stage.getScene().lookup("#vm-search")).setText("");
                return null;
            });
        }

        private String text(String id) {
            var n = stage.getScene().lookup(id);
            return n instanceof Labeled l && l.getText() != null ? l.getText() : "";
        }

        @SuppressWarnings("unchecked")
        /**
         * The VM table, looked up once: the listing's poll asks for it every 10 ms on the FX thread, and a scene lookup
         * walks the whole scene (it was ~10 % of the FX thread's samples while 10,001 VMs were listed).
         */
        private TableView<VmRow> vmTable() {
            if (vmTable == null || vmTable.getScene() != stage.getScene()) vmTable = (TableView<VmRow>) stage.getScene().lookup("#vm-table");
            return vmTable;
        }

        private TableView<VmRow> vmTable;

        private void next(WizardFrame wizard, String expected) throws Exception {
            // The image step's checklist (what PoolForge cannot read from Azure) is the user's to confirm (PF-11):
            // without ticking it, Next stays disabled and the flow never got past the image step.
            fx(() -> {
                stage.getScene().getRoot().lookupAll(".image-check").forEach(n -> ((javafx.scene.control.CheckBox) n).setSelected(true));
                return null;
            });
            waitFor(() -> !stage.getScene().lookup("#wizard-next").isDisabled());
            fx(() -> {
                // The FX-thread CPU of Next itself (leaving the step, building the next one's view on first visit); its first
                // CSS pass and layout come in the pulse after.
                long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                wizard.goNext();
                result.put("nextCpuMs-" + expected, Bench.ms(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0));
                if (Boolean.getBoolean("bench.stepBreakdown")) { // a diagnosis: the next pulse's CSS and layout, timed apart
                    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    int before = count(stage.getScene().getRoot());
                    long a = mx.getCurrentThreadCpuTime();
                    stage.getScene().getRoot().applyCss();
                    long b = mx.getCurrentThreadCpuTime();
                    stage.getScene().getRoot().layout();
                    long c = mx.getCurrentThreadCpuTime();
                    result.put("bdCssMs-" + expected, Bench.ms(b - a)).put("bdLayoutMs-" + expected, Bench.ms(c - b))
                            .put("bdNodes-" + expected, before).put("bdNodesAfter-" + expected, count(stage.getScene().getRoot()));
                }
                return null;
            });
            String at = fx(() -> wizard.currentStep().id());
            if (!expected.equals(at)) throw new IllegalStateException("expected step " + expected + " but at " + at);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static <T> T fx(Supplier<T> action) throws Exception {
        return io.poolforge.app.FxDriver.fx(action);
    }

    /** Polls every 20 ms (so the figures resolve to about 20 ms). */
    static void waitFor(Supplier<Boolean> condition) throws Exception {
        io.poolforge.app.FxDriver.waitFor(condition, java.time.Duration.ofSeconds(90), java.time.Duration.ofMillis(20));
    }
}
