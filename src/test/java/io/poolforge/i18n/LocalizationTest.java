package io.poolforge.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both bundles hold the same keys, with the same placeholders; every key is used in the code as a
 * literal, and every key-like literal in the code exists. Values are valid MessageFormat patterns.
 */
class LocalizationTest {
    private static final Path BUNDLES = Path.of("src/main/resources/io/poolforge/i18n");
    private static final Set<String> PREFIXES = Set.of("app", "ui", "wizard", "task", "error", "rule",
            "diagnose", "inspect", "cli", "plan", "run", "export", "azure", "signin", "watch");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties english;
    private static Properties spanish;
    private static Set<String> literals;

    @BeforeAll
    static void load() throws IOException {
        english = read("messages.properties");
        spanish = read("messages_es.properties");
        literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) literals.add(m.group(1));
            }
        }
    }

    private static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(new TreeSet<>(spanish.stringPropertyNames()))
                .as("keys in Spanish vs English")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void placeholdersMatchBetweenLanguages() {
        TreeMap<String, String> mismatches = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String es = spanish.getProperty(key);
            if (es == null) continue;
            Set<String> a = placeholders(english.getProperty(key));
            Set<String> b = placeholders(es);
            if (!a.equals(b)) mismatches.put(key, a + " vs " + b);
        }
        assertThat(mismatches).as("placeholders differing between English and Spanish").isEmpty();
    }

    @Test
    void apostrophesAreEscapedForMessageFormat() {
        TreeMap<String, String> bad = new TreeMap<>();
        for (Properties p : new Properties[] {english, spanish}) {
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.replace("''", "").contains("'")) bad.put(key, v);
            }
        }
        assertThat(bad).as("values with a lone apostrophe (write '')").isEmpty();
    }

    @Test
    void everyKeyIsUsedInTheCode() {
        Set<String> unused = new TreeSet<>(english.stringPropertyNames());
        unused.removeAll(literals);
        assertThat(unused).as("keys no code uses (remove them, or use them as literals)").isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() {
        Set<String> missing = new TreeSet<>();
        for (String lit : literals) {
            String prefix = lit.substring(0, lit.indexOf('.'));
            if (PREFIXES.contains(prefix) && !lit.endsWith(".java") && !lit.endsWith(".properties")
                    && !lit.endsWith(".css") && !english.containsKey(lit)) {
                missing.add(lit);
            }
        }
        assertThat(missing).as("key literals in code that no bundle has").isEmpty();
    }

    @Test
    void messagesFormatInBothLanguages() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages es = new Messages(new Locale("es", "MX"));
        assertThat(es.locale().getLanguage()).isEqualTo("es");
        assertThat(new Messages(Locale.JAPANESE).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(en.get("error.unexpected", "X")).contains("X").startsWith("Something");
        assertThat(es.get("error.unexpected", "X")).contains("X").startsWith("Se produjo");
        assertThat(en.get("wizard.image.replicaRule")).contains("account's").doesNotContain("''");
        assertThat(en.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Set<String> placeholders(String v) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(v);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
