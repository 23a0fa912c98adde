package io.poolforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.poolforge.app.logging.MaskedMessageConverter;
import io.poolforge.app.logging.MaskedThrowableConverter;
import org.junit.jupiter.api.Test;

/** What the log file's pattern writes has no bearer token, in the message or in a stack trace. */
class LogMaskingTest {
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQifQ.sig";

    @Test
    void messageAndStackTraceAreMasked() {
        LoggerContext ctx = new LoggerContext();
        Logger logger = ctx.getLogger("test");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "request failed: Authorization: Bearer {}", new IllegalStateException("token " + TOKEN),
                new Object[] {TOKEN});

        MaskedMessageConverter msg = new MaskedMessageConverter();
        MaskedThrowableConverter ex = new MaskedThrowableConverter();
        ex.setContext(ctx);
        ex.start();

        assertThat(msg.convert(event)).doesNotContain(TOKEN).contains("Authorization: ***");
        assertThat(ex.convert(event)).doesNotContain(TOKEN).contains("IllegalStateException");
    }
}
