package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.SharedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PF-21 third pass (memory at connection): azure-core's shared pool had made 19 idle threads by the time the
 * first-run sandbox was connected, one per blocking body read it was given. The threads installed instead reuse an
 * idle thread, and have no cap, so tasks that wait on each other can never starve (what a capped pool risks).
 */
class SdkThreadsTest {
    @Test
    void tasksHandedOneAfterAnotherReuseTheIdleThread() throws Exception {
        SdkThreads threads = new SdkThreads();
        try {
            Set<String> names = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 20; i++) {
                threads.submit(() -> names.add(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
                Thread.sleep(5); // a task's future completes just before its thread is idle again
            }
            // azure-core's pool (core size 10 per core) would have started a thread for each of these 20 tasks.
            assertThat(names).hasSizeLessThanOrEqualTo(2).allMatch(n -> n.startsWith("poolforge-sdk-"));
            assertThat(threads.taskThreads()).isLessThanOrEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void tasksThatWaitForEachOtherAllRunWithNoCap() throws Exception {
        SdkThreads threads = new SdkThreads();
        try {
            // More tasks than azure-core's pool holds on 2 cores (20), each blocked until all have started: a capped
            // pool queues the 21st behind blocked ones and never finishes.
            int n = 40;
            CountDownLatch allStarted = new CountDownLatch(n);
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(threads.submit(() -> {
                    allStarted.countDown();
                    return allStarted.await(10, TimeUnit.SECONDS);
                }));
            }
            for (Future<Boolean> f : done) assertThat(f.get(15, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void delayedTasksRunOnTheTimerAndCancelledOnesNot() throws Exception {
        ScheduledExecutorService threads = new SdkThreads();
        try {
            String[] ranOn = new String[1];
            threads.schedule(() -> ranOn[0] = Thread.currentThread().getName(), 20, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertThat(ranOn[0]).startsWith("poolforge-sdk-timer-");
            boolean[] cancelledRan = {false};
            threads.schedule(() -> cancelledRan[0] = true, 200, TimeUnit.MILLISECONDS).cancel(false);
            Thread.sleep(400);
            assertThat(cancelledRan[0]).isFalse();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theSdkClientsInstallThemAsAzureCoresSharedExecutor() throws Exception {
        new SdkClients(request -> reactor.core.publisher.Mono.error(new IllegalStateException("no request")),
                com.azure.core.management.AzureEnvironment.AZURE,
                request -> reactor.core.publisher.Mono.error(new IllegalStateException("no token")), "t", null, null);
        String name = SharedExecutorService.getInstance().submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertThat(name).startsWith("poolforge-sdk-");
    }
}
