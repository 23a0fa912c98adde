package io.poolforge.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoolForge's log, set up in code by {@link LogSetup} (PF-21, eighth pass, in place of {@code logback.xml}): secrets
 * never reach it, it lands in the PoolForge folder, the SDK's chatter stays out, and logback's XML configurator is
 * never loaded unless a user asks for their own file.
 */
class LogSetupTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl";
    private static final String KEY = "c2VjcmV0a2V5MTIz";

    @Test
    void messagesAndStackTracesAreMaskedInTheLogFile(@TempDir Path dir) throws Exception {
        LoggerContext context = context();
        LogSetup.configure(context, dir);
        context.getLogger("io.poolforge.probe").info("calling with Authorization: Bearer " + TOKEN);
        context.getLogger("io.poolforge.probe").error("upload failed",
                new IllegalStateException("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=" + KEY + ";x=y"));
        context.stop();

        String log = Files.readString(dir.resolve("poolforge.log"));
        assertThat(log).doesNotContain(TOKEN).doesNotContain("eyJzdWIi").doesNotContain(KEY)
                .contains(io.poolforge.domain.SecretMasker.MASK)
                .contains("java.lang.IllegalStateException").contains("at io.poolforge.app.logging.LogSetupTest");
        // The line's shape: ISO 8601 time, level padded to five, thread, logger, message.
        assertThat(log.lines().findFirst().orElseThrow())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} INFO  \\[[^]]+\\] io\\.poolforge\\.probe - calling with .*");
    }

    @Test
    void theSdksInfoStaysOutAndItsWarningsGoIn(@TempDir Path dir) throws Exception {
        LoggerContext context = context();
        LogSetup.configure(context, dir);
        context.getLogger("io.poolforge.x").info("ours-info");
        context.getLogger("io.poolforge.x").debug("ours-debug");
        context.getLogger("com.azure.core.http").info("azure-info");
        context.getLogger("com.azure.core.http").warn("azure-warn");
        context.getLogger("com.azure.core.http.jdk.httpclient.JdkHttpClient").warn("jdk-client-warn");
        context.getLogger("com.azure.core.http.jdk.httpclient.JdkHttpClient").error("jdk-client-error");
        context.getLogger("com.microsoft.aad.msal4j.Foo").info("msal-info");
        context.getLogger("com.microsoft.aad.msal4j.Foo").warn("msal-warn");
        context.stop();

        String log = Files.readString(dir.resolve("poolforge.log"));
        assertThat(log).contains("ours-info", "azure-warn", "jdk-client-error", "msal-warn")
                .doesNotContain("ours-debug", "azure-info", "jdk-client-warn", "msal-info");
    }

    @Test
    void theFileRollsAtTenMegabytesKeepingFive(@TempDir Path dir) {
        LoggerContext context = context();
        LogSetup.configure(context, dir);
        var appender = (RollingFileAppender<?>) context.getLogger("ROOT").getAppender("FILE");
        var rolling = (FixedWindowRollingPolicy) appender.getRollingPolicy();
        var trigger = (SizeBasedTriggeringPolicy<?>) appender.getTriggeringPolicy();
        assertThat(appender.isStarted()).isTrue();
        assertThat(rolling.getFileNamePattern()).isEqualTo(dir.resolve("poolforge.%i.log").toString());
        assertThat(rolling.getMinIndex()).isEqualTo(1);
        assertThat(rolling.getMaxIndex()).isEqualTo(5);
        assertThat(trigger.getMaxFileSize().getSize()).isEqualTo(10L * 1024 * 1024);
        context.stop();
    }

    /** The real start: logback finds LogSetup on its own, writes to -Dpoolforge.logdir, and loads no XML machinery. */
    @Test
    void logbackFindsItAndLoadsNoXmlConfigurator(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        String out = child(dir, "-Dpoolforge.logdir=" + logs, "-Xlog:class+load=info:stdout");
        assertThat(out).as("the child ran").contains("child done");
        assertThat(Files.readString(logs.resolve("poolforge.log"))).contains("probe line").doesNotContain(TOKEN);
        assertThat(out).as("class loads").contains("io.poolforge.app.logging.LogSetup")
                .doesNotContain("ch.qos.logback.classic.joran.JoranConfigurator")
                .doesNotContain("ch.qos.logback.core.joran.GenericXMLConfigurator").doesNotContain("com.sun.org.apache.xerces");
    }

    /** A user's own file (-Dlogback.configurationFile) still wins over the built-in set-up. */
    @Test
    void aUsersOwnFileWins(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("mine.xml");
        Files.writeString(xml, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>MINE %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        Path logs = dir.resolve("logs");
        String out = child(dir, "-Dpoolforge.logdir=" + logs, "-Dlogback.configurationFile=" + xml);
        assertThat(out).contains("MINE probe line").contains("child done");
        assertThat(logs.resolve("poolforge.log")).doesNotExist();
    }

    /** A context of its own, as logback's start gives the app (with its MDC adapter). */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }

    private static String child(Path dir, String... flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** The child: one line through SLF4J, as the app logs, with a token in it. */
    public static final class Child {
        public static void main(String[] args) {
            org.slf4j.LoggerFactory.getLogger("io.poolforge.probe").info("probe line Bearer " + TOKEN);
            ((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).stop();
            System.out.println("child done");
        }
    }
}
