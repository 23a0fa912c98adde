package io.poolforge.sandbox.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** HTTPS on the loopback interface only. */
public final class Transport implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService executor;

    /** Binds at once (so the port is known); serves after {@link #start}. */
    public Transport(int port, HttpHandler handler) {
        // Without it every loopback request waits 40-60 ms for Nagle/delayed ACK; read once, when the
        // first server of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/", handler);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "poolforge-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    public void start(SSLContext ssl) {
        javax.net.ssl.SSLParameters tls = parameters(ssl); // once, not at every connection
        server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters params) {
                params.setSSLParameters(tls);
            }
        });
        server.start();
    }

    /**
     * The server's TLS parameters: ChaCha20-Poly1305 preferred over AES-GCM. Both ends of a sandbox connection run in
     * Java, and without the C2 compiler (the launcher's {@code -XX:TieredStopAtLevel=1}) the JDK's AES and GHASH
     * intrinsics are unused: AES-GCM then costs ~23 ms a MB, ChaCha20-Poly1305 ~9 ms (PF-13: TLS was ~60 % of the
     * CPU of listing 10,001 VMs from the sandbox). Clients without ChaCha20 still get AES-GCM.
     */
    static javax.net.ssl.SSLParameters parameters(SSLContext ssl) {
        javax.net.ssl.SSLParameters p = ssl.getDefaultSSLParameters();
        java.util.List<String> suites = new java.util.ArrayList<>(java.util.List.of(p.getCipherSuites()));
        java.util.List<String> chacha = suites.stream().filter(c -> c.contains("CHACHA20")).toList();
        suites.removeAll(chacha);
        suites.addAll(0, chacha);
        p.setCipherSuites(suites.toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        return p;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
