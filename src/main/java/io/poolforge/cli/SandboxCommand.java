package io.poolforge.cli;

import io.poolforge.sandbox.FaultSpec;
import io.poolforge.sandbox.Sandbox;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code poolforge sandbox}: runs the embedded Azure in the foreground, prints one JSON line with its
 * endpoints (stdout) and logs one line per request (stderr). Stops on Ctrl+C. See docs/SANDBOX.md.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Runs the PoolForge sandbox (an embedded Azure on https://127.0.0.1) in the foreground.",
                "Prints one JSON line with the ARM URL, Batch account URLs, authority, token endpoint and certificate PEM path;",
                "logs each request to stderr. Token: client_credentials with any client id and the client secret 'sandbox'."})
public final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--scenario", defaultValue = "demo", description = "demo, legacy-2019, empty, large or nodes (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--time-scale", defaultValue = "1", description = "0 = instant, 1 = demo pace (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--fault", paramLabel = "SPEC",
            description = "WHAT:METHOD:PATH[:COUNT], e.g. 429:GET:/virtualMachines:2 (repeatable; see docs/SANDBOX.md).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--cert-dir", description = "Folder for the certificate PEM (default: the temp folder).")
    Path certDir;

    @Option(names = "--quiet", description = "Do not log requests.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        if (!Sandbox.SCENARIOS.contains(scenario)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown scenario '" + scenario + "'; use one of " + Sandbox.SCENARIOS);
        }
        if (timeScale < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--time-scale must be 0 or more");
        Sandbox.Builder b = Sandbox.builder().port(port).scenario(scenario).timeScale(timeScale).certificateDirectory(certDir);
        for (String f : faults) {
            try {
                b.fault(FaultSpec.parse(f));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, f);
            }
        }
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (!quiet) b.requestLog(err::println);
        Sandbox sandbox;
        try {
            sandbox = b.start();
        } catch (java.io.UncheckedIOException e) {
            // PF-22: a refused certificate folder is said in words, with the folder and the fix; no stack trace.
            io.poolforge.i18n.Messages m = new io.poolforge.i18n.Messages(java.util.Locale.getDefault());
            Path dir = certDir != null ? certDir : Path.of(System.getProperty("java.io.tmpdir"),
                    "poolforge-sandbox-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_"));
            spec.commandLine().getErr().println(m.get("cli.sandbox.error.certDir", dir, io.poolforge.domain.FailureWords.of(e)));
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-stop"));
        PrintStream out = spec.commandLine().getOut() == null ? System.out : new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(sandbox.endpointsJson());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
