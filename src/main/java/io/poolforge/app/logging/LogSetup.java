package io.poolforge.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PoolForge's logging, set up in code (found by logback's {@code ServiceLoader} before it looks for any XML file).
 *
 * <p>What it sets up: one file, {@code poolforge.log} in {@code -Dpoolforge.logdir} (Main sets it to the PoolForge
 * folder's {@code logs}; without it {@code ~/.poolforge/logs}), rolled at 10 MB into {@code poolforge.1.log} to
 * {@code poolforge.5.log}; each line {@code %d{ISO8601} %-5level [%thread] %logger{36} - message}, the message and
 * any stack trace passed through {@link io.poolforge.domain.SecretMasker} (secrets never reach the log); INFO and
 * above, the Azure SDK's loggers WARN (the JDK HTTP client's ERROR: it warns on every request that it cannot set
 * Content-Length, which the JDK client sets itself), MSAL's WARN.
 *
 * <p>Why in code and not in a {@code logback.xml} (PF-21, eighth pass, docs/BENCHMARKS.md): reading the XML loads
 * logback's Joran configurator and the JDK's XML parser, about 400 classes the app never uses again, kept in the
 * desktop's class-data archive and in memory. A user's own file still wins: with {@code -Dlogback.configurationFile}
 * set, this configurator steps aside and logback reads that file as it always does.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The pattern of every line; {@code maskedMsg} and {@code maskedEx} are the masking converters. */
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %maskedMsg%n%maskedEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        configure(context, logDir());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The file appender writing to {@code dir}, and the levels, on {@code context}. */
    static void configure(LoggerContext context, Path dir) {
        Map<String, Supplier<DynamicConverter>> rules = new HashMap<>();
        rules.put("maskedMsg", MaskedMessageConverter::new);
        rules.put("maskedEx", MaskedThrowableConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("poolforge.log").toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("poolforge.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder);
        rolling.start();
        trigger.start();
        encoder.start();
        file.start();

        context.getLogger("com.azure").setLevel(Level.WARN);
        context.getLogger("com.azure.core.http.jdk.httpclient.JdkHttpClient").setLevel(Level.ERROR);
        context.getLogger("com.microsoft.aad.msal4j").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }

    /** {@code -Dpoolforge.logdir}, else {@code ~/.poolforge/logs} (as the XML's {@code ${poolforge.logdir:-${user.home}/.poolforge/logs}} did). */
    static Path logDir() {
        String dir = System.getProperty("poolforge.logdir");
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".poolforge", "logs");
    }
}
