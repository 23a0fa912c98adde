package io.poolforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Child JVMs for the command-line tests: {@code poolforge sandbox} on its own (read its endpoints
 * line, query {@code GET /sandbox/state}) and {@code poolforge run ...} processes whose stderr is read
 * line by line, so a test can wait for a step and then kill the process for real.
 */
final class SandboxProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Process process;
    final JsonNode endpoints;
    final Path endpointsFile;
    private final HttpClient http;
    private String token;

    private SandboxProcess(Process process, JsonNode endpoints, Path endpointsFile) throws Exception {
        this.process = process;
        this.endpoints = endpoints;
        this.endpointsFile = endpointsFile;
        this.http = HttpClient.newBuilder().sslContext(trusting(Path.of(endpoints.get("certificate").asText())))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts {@code poolforge sandbox --port 0 --time-scale 0 --quiet} and reads its endpoints line. */
    static SandboxProcess start(Path dir) throws Exception {
        List<String> cmd = java(dir.resolve("sandbox-home"));
        cmd.addAll(List.of("sandbox", "--port", "0", "--time-scale", "0", "--quiet", "--cert-dir", dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("sandbox.err").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        pump(p.getInputStream(), lines);
        String line = lines.poll(60, TimeUnit.SECONDS);
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("The sandbox printed no endpoints line: " + Files.readString(dir.resolve("sandbox.err")));
        }
        Path file = dir.resolve("endpoints.json");
        Files.writeString(file, line);
        return new SandboxProcess(p, JSON.readTree(line), file);
    }

    /** {@code java <fast start flags> -Dpoolforge.home=HOME -cp <test class path> io.poolforge.app.Main}. */
    static List<String> java(Path home) {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Duser.language=en",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-Dpoolforge.home=" + home.toAbsolutePath(), "-cp", cp, "io.poolforge.app.Main"));
        return cmd;
    }

    /** The resource counts by type from {@code GET /sandbox/state}. */
    Map<String, Integer> counts() throws Exception {
        JsonNode state = get("/sandbox/state");
        Map<String, Integer> out = new TreeMap<>();
        state.get("counts").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    /** GET an ARM path (with api-version) as JSON. */
    JsonNode get(String pathAndQuery) throws Exception {
        String base = endpoints.get("arm").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery.substring(1)))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    private String token() throws Exception {
        if (token != null) return token;
        String body = "grant_type=client_credentials&client_id=cli-tests&client_secret=" + endpoints.get("clientSecret").asText()
                + "&scope=" + URLEncoder.encode("https://management.core.windows.net//.default", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoints.get("token").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(r.body()).get("access_token").asText();
        return token;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) trust.setCertificateEntry("c" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Copies a stream's lines into a queue on a daemon thread. */
    static void pump(InputStream in, BlockingQueue<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException e) {
                // the process ended
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
    }

    /** A {@code poolforge} child process with its stdout and stderr read line by line. */
    static final class Child {
        final Process process;
        final BlockingQueue<String> err = new LinkedBlockingQueue<>();
        final List<String> errSeen = new ArrayList<>();
        final StringBuilder out = new StringBuilder();
        private final Thread outReader;

        Child(Path home, String... args) throws IOException {
            List<String> cmd = java(home);
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).start();
            process.getOutputStream().close();
            pump(process.getErrorStream(), err);
            outReader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        synchronized (out) {
                            out.append(l).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // ended
                }
            }, "child-stdout");
            outReader.setDaemon(true);
            outReader.start();
        }

        /** Waits for a stderr line containing {@code text} (fails after 90 s, with what the child said). */
        String awaitErr(String text) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < end) {
                String l = err.poll(100, TimeUnit.MILLISECONDS);
                if (l != null) {
                    errSeen.add(l);
                    if (l.contains(text)) return l;
                } else if (!process.isAlive() && err.isEmpty()) {
                    break;
                }
            }
            process.destroyForcibly();
            throw new AssertionError("No stderr line with \"" + text + "\"; the child said:\n" + String.join("\n", errSeen)
                    + "\nstdout:\n" + stdout());
        }

        /** Waits for the end (fails after 90 s); returns the exit code. */
        int exit() throws InterruptedException {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The child did not end");
            }
            outReader.join(5000);
            return process.exitValue();
        }

        String stdout() {
            synchronized (out) {
                return out.toString();
            }
        }

        String stderr() throws InterruptedException {
            Thread.sleep(50);
            err.drainTo(errSeen);
            return String.join("\n", errSeen);
        }
    }
}
