package io.poolforge.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PF-20: Batch retired low-priority nodes on 30 September 2025 ("Low priority VMs will be retired on 30 September 2025",
 * learn.microsoft.com/azure/batch/low-priority-vms-retirement-migration-guide, read 2026-12-07); the REST fields are still
 * targetLowPriorityNodes / currentLowPriorityNodes, and on a pool today they count Spot nodes. So the words a user reads say
 * Spot ("acceso puntual (Spot)") in English and Spanish: "low-priority" / "prioridad baja" may appear only in a sentence that
 * says they were retired. The REST field names (targetLowPriorityNodes, lowPriorityCoreQuota) stay as Azure spells them.
 * The inspector's node counts read "Low-priority nodes" and "Nodos de prioridad baja" before this test.
 */
class SpotWordsTest {
    private static final Path BUNDLES = Path.of("src/main/resources/io/poolforge/i18n");
    /** The retired word as a user reads it, not inside a camelCase REST field name. */
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\blow[- ]priority\\b");
    private static final Pattern SPANISH = Pattern.compile("(?i)\\b(prioridad baja|baja prioridad)\\b");

    @Test
    void everyWordAUserReadsSaysSpotUnlessItTellsTheRetirement() throws IOException {
        List<String> offenders = new ArrayList<>();
        offenders.addAll(offenders("messages.properties", ENGLISH, "retired"));
        offenders.addAll(offenders("messages_es.properties", SPANISH, "retir"));
        offenders.addAll(offenders("messages_es.properties", ENGLISH, "retir"));
        assertThat(offenders).as("values that name Spot nodes by their retired name").isEmpty();
    }

    @Test
    void theNodeCountsOfTheInspectorAndTheWatchSaySpot() throws IOException {
        Properties en = read("messages.properties");
        Properties es = read("messages_es.properties");
        for (String key : List.of("inspect.prop.lowPriority", "inspect.value.nodesDetail", "watch.nodes.lowPriority", "watch.states.row",
                "inspect.cli.prop.lowPriority", "inspect.cli.col.lowPriority", "diagnose.badge.accountLowPriorityQuota")) {
            assertThat(en.getProperty(key)).as(key).containsIgnoringCase("Spot");
            assertThat(es.getProperty(key)).as(key).satisfiesAnyOf(v -> assertThat(v).containsIgnoringCase("Spot"), v -> assertThat(v).contains("acceso puntual"));
        }
    }

    private static List<String> offenders(String bundle, Pattern word, String retired) throws IOException {
        Properties p = read(bundle);
        List<String> out = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key);
            if (word.matcher(v).find() && !v.toLowerCase(Locale.ROOT).contains(retired)) out.add(bundle + " " + key + "=" + v);
        }
        return out;
    }

    private static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
