package io.poolforge.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference for the start-up and memory budgets: an empty JavaFX window of the app's size,
 * launched the way PoolForge is (class path, a main class that is not the Application). Prints the
 * time from JVM start to the second pulse after {@code stage.show()} (the first frame has been
 * rendered and the FX thread is taking events again), and the peak resident set after idling 1 s.
 * One measurement per JVM: {@code bench/run.sh startup} runs it several times.
 */
public final class BareWindowBenchmark {
    private BareWindowBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            double startCalled = Bench.sinceJvmStart();
            stage.setScene(new Scene(new StackPane(), 1280, 800));
            stage.setTitle("bare");
            stage.show();
            double shown = Bench.sinceJvmStart();
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses < 2) return;
                    stop();
                    double interactive = Bench.sinceJvmStart();
                    Thread idle = new Thread(() -> {
                        sleep(1000);
                        new Bench.Result("bare-window")
                                .put("startCalledMs", startCalled)
                                .put("shownMs", shown)
                                .put("interactiveMs", interactive)
                                .put("peakRssMb", Bench.procStatusMb("VmHWM"))
                                .put("rssMb", Bench.procStatusMb("VmRSS"))
                                .print();
                        Platform.exit();
                    }, "bench-idle");
                    idle.setDaemon(true);
                    idle.start();
                }
            }.start();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
