package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * PF-21 second pass: the SDK warm-up that runs beside the first-run sandbox's start builds the same clients as the
 * connection (Resource Manager, Batch, compute) but must never send a request or ask for a token: it runs before
 * the sandbox is up, and on real Azure it would be a request nobody asked for.
 */
class SdkWarmUpTest {
    @Test
    void theWarmUpBuildsTheClientsWithoutARequestOrAToken() {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger tokens = new AtomicInteger();
        SdkConnector.warmUp(request -> {
            requests.incrementAndGet();
            return Mono.error(new IllegalStateException("sent"));
        }, request -> {
            tokens.incrementAndGet();
            return Mono.error(new IllegalStateException("asked"));
        });
        assertThat(requests).hasValue(0);
        assertThat(tokens).hasValue(0);
    }

    @Test
    void theTlsWarmUpWritesAClientHelloWithoutConnecting() throws Exception {
        // No socket is opened: the engine only writes its first message into a buffer (nothing listens on 443 here).
        org.assertj.core.api.Assertions.assertThatCode(SdkConnector::warmUpTls).doesNotThrowAnyException();
    }
}
