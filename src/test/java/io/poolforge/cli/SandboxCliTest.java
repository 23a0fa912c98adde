package io.poolforge.cli;

import io.poolforge.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up the command-line tests share: a PoolForge folder of the test's, an in-process sandbox (no added time) with
 * a request log, and its endpoints file for {@code --sandbox-endpoints}. Run commands with {@link Cli#run}.
 */
abstract class SandboxCliTest {
    @TempDir
    Path home;

    final List<String> log = new CopyOnWriteArrayList<>();
    Sandbox sandbox;
    Path endpoints;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = Sandbox.builder().timeScale(0).certificateDirectory(home.resolve("certs")).requestLog(log::add).start();
        endpoints = home.resolve("endpoints.json");
        Files.writeString(endpoints, sandbox.endpointsJson());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }
}
