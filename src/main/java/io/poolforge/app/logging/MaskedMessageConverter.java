package io.poolforge.app.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.poolforge.domain.SecretMasker;

/** {@code %maskedMsg}: the log message with bearer tokens, keys and signatures masked. */
public final class MaskedMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasker.mask(event.getFormattedMessage());
    }
}
