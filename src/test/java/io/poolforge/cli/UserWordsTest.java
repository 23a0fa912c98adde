package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.poolforge.plan.TestPlans;
import io.poolforge.sandbox.Sandbox;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-22: no user-facing text holds an exception's class name, "(null)" / a bare null, or an enum constant. Scanned:
 * both bundles (every value), and the outputs (stdout and stderr) of every {@code poolforge} command run through
 * {@link Cli} in this test JVM — the commands this class runs itself (the kinds of PF-22: malformed plans, plans
 * against the account's facts, a run, its re-run, resume and clean-up, inspect, a damaged journal, an unreachable
 * sandbox), plus those of the CLI test classes that ran before it ({@code junit-platform.properties} orders this class
 * last).
 *
 * <p>The rule, exactly:
 * <ul>
 * <li>"Exception" anywhere (case-sensitive) is a finding; so is "(null)", and in plain text a bare word "null".</li>
 * <li>An enum constant is a token (letters, digits, underscores) equal to the name of a constant of an
 * {@code io.poolforge} enum that contains an underscore or is at least 4 upper-case letters ("TRUSTED_LAUNCH",
 * "WINDOWS", "STANDARD"; not "V2").</li>
 * <li>Allowed positions for such a token: a code, i.e. the token directly followed by ":" ("ERROR POOL_ID_TAKEN: …",
 * "→ IMAGE_DELETED: …") or by " →" (the error code of a diagnosis head, "1. NODES_UNUSABLE → NODES_UNUSABLE: …"); the severity word that starts a findings line ("ERROR", "WARNING", "INFO"); a line made only
 * of upper-case words (a table header such as "POOL  VM SIZE  …"); inside an id, path or URL (a word holding "/");
 * the word "SANDBOX" of the sandbox banner, written in capitals on purpose ("SANDBOX — nothing here is real Azure").</li>
 * <li>JSON output (stdout of {@code --json}) is for programs: its codes, severities and statuses are values of their
 * own fields; only its sentences are scanned (fields "message", "causeText", "remedy", "evidence", "actionText",
 * "check", "text").</li>
 * </ul>
 */
@Order(Integer.MAX_VALUE)
class UserWordsTest {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern SEVERITY_START = Pattern.compile("^\\s*(ERROR|WARNING|INFO)\\b");
    private static final Pattern HEADER = Pattern.compile("^[\\sA-Z]+$");
    private static final Set<String> SENTENCE_FIELDS = Set.of("message", "causeText", "remedy", "evidence", "actionText", "check", "text");
    private static Set<String> constants;

    @TempDir
    Path home;

    @BeforeAll
    static void enumConstants() {
        constants = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.poolforge")) {
            if (!c.isEnum()) continue;
            c.getEnumConstants().forEach(k -> {
                String n = k.name();
                if (n.contains("_") || (n.length() >= 4 && n.chars().allMatch(Character::isUpperCase))) constants.add(n);
            });
        }
        assertThat(constants).contains("TRUSTED_LAUNCH", "WINDOWS", "STANDARD", "IMAGE_VERSION");
    }

    /** The findings of one text: "what: why". */
    static List<String> scanText(String what, String text, Set<String> constants) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.contains("Exception")) out.add(what + ": exception name in: " + line);
            if (line.contains("(null)") || Pattern.compile("\\bnull\\b").matcher(line).find()) out.add(what + ": null in: " + line);
            if (HEADER.matcher(line).matches()) continue;
            String checked = SEVERITY_START.matcher(line).replaceFirst(" ");
            String[] words = checked.split("\\s+");
            for (int w = 0; w < words.length; w++) {
                String word = words[w];
                if (word.contains("/")) continue;
                if (w + 1 < words.length && words[w + 1].equals("→") && TOKEN.matcher(word).matches()) continue;
                Matcher m = TOKEN.matcher(word);
                while (m.find()) {
                    String t = m.group();
                    boolean code = m.end() < word.length() && word.charAt(m.end()) == ':';
                    if (constants.contains(t) && !code && !t.equals("SANDBOX")) out.add(what + ": enum constant " + t + " in: " + line);
                }
            }
        }
        return out;
    }

    static List<String> scanOutput(String what, String text, Set<String> constants) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode n = new ObjectMapper().readTree(trimmed);
                List<String> out = new ArrayList<>();
                sentences(n, null, s -> out.addAll(scanText(what + " (json)", s, constants)));
                return out;
            } catch (Exception notJson) {
                // plain text after all
            }
        }
        return scanText(what, text, constants);
    }

    private static void sentences(JsonNode n, String field, java.util.function.Consumer<String> sink) {
        if (n.isTextual() && field != null && SENTENCE_FIELDS.contains(field)) sink.accept(n.asText());
        if (n.isArray()) n.forEach(e -> sentences(e, field, sink));
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sentences(e.getValue(), e.getKey(), sink);
            }
        }
    }

    @Test
    void theRuleCatchesWhatPf22Saw() {
        // What the issue quoted, so the scan is known to see it.
        assertThat(scanText("t", "The plan file x.json could not be read (MalformedInputException).", constants)).hasSize(1);
        assertThat(scanText("t", "[2/5] gallery g: failed (null)", constants)).hasSize(1);
        assertThat(scanText("t", "vm has security type STANDARD but the definition TRUSTED_LAUNCH", constants)).hasSize(2);
        assertThat(scanText("t", "The node agent SKU x is for WINDOWS", constants)).hasSize(1);
        assertThat(scanText("t", "  IMAGE_VERSION /subscriptions/x", constants)).hasSize(1);
        assertThat(scanText("t", "ERROR POOL_ID_TAKEN: The pool id is taken.", constants)).isEmpty();
        assertThat(scanText("t", "POOL                  VM SIZE          IMAGE TYPE", constants)).isEmpty();
        assertThat(scanText("t", "  1. NODES_UNUSABLE → NODES_UNUSABLE: 7 nodes are unusable", constants)).isEmpty();
    }

    @Test
    void theBundlesHoldNoExceptionNameNullOrEnumConstant() throws Exception {
        List<String> found = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_es.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/io/poolforge/i18n/" + file);
                 var r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String key : p.stringPropertyNames()) found.addAll(scanText(file + " " + key, p.getProperty(key), constants));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aRefusedCertificateFolderIsSaidInWordsWithoutAStackTrace() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("not-a-folder"), "x");
        Cli.Result r = Cli.run(home, "sandbox", "--port", "0", "--time-scale", "0", "--quiet", "--cert-dir", notAFolder.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("cannot write its certificate in " + notAFolder, "--cert-dir")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void everyCliOutputOfTheTestRunsIsInTheUsersWords() throws Exception {
        driveTheKinds();
        List<String> found = new ArrayList<>();
        for (String[] c : Cli.CAPTURED) {
            found.addAll(scanOutput("`poolforge " + c[0] + "` stdout", c[1], constants));
            found.addAll(scanOutput("`poolforge " + c[0] + "` stderr", c[2], constants));
        }
        System.out.println("UserWordsTest scanned the outputs of " + Cli.CAPTURED.size() + " commands.");
        String buildHome = System.getProperty("poolforge.home");
        if (buildHome != null) { // the evidence, beside the build's PoolForge folder
            StringBuilder sb = new StringBuilder();
            for (String[] c : Cli.CAPTURED) sb.append("$ poolforge ").append(c[0]).append("\n").append(c[1]).append(c[2]).append("\n");
            Files.writeString(Path.of(buildHome).resolveSibling("pf22-cli-outputs.txt"), sb.toString());
        }
        assertThat(found.stream().distinct().collect(Collectors.toList())).isEmpty();
    }

    /** The kinds PF-22 lists, in both languages, against an in-JVM sandbox. */
    private void driveTheKinds() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().timeScale(0).certificateDirectory(home.resolve("certs")).start()) {
            Path endpoints = home.resolve("endpoints.json");
            Files.writeString(endpoints, sandbox.endpointsJson());
            String ep = endpoints.toString();
            ObjectNode t = TestPlans.tree(TestPlans.GALLERY);
            String good = Files.readString(TestPlans.GALLERY);
            Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            files.put("junk", (good + "}{").getBytes(StandardCharsets.UTF_8));
            files.put("utf16", good.getBytes(StandardCharsets.UTF_16));
            files.put("version", good.replaceFirst("\"planVersion\" ?: ?1", "\"planVersion\": \"1\"").getBytes(StandardCharsets.UTF_8));
            files.put("windows", TestPlans.edit(TestPlans.edit(t.deepCopy(), "/image/osType", "Windows"), "/source/osType", "Windows")
                    .toString().getBytes(StandardCharsets.UTF_8));
            files.put("trusted", TestPlans.edit(t.deepCopy(), "/image/securityType", "TrustedLaunch").toString().getBytes(StandardCharsets.UTF_8));
            files.put("elsewhere", TestPlans.edit(t.deepCopy(), "/pool/batchAccount/location", "eastus").toString().getBytes(StandardCharsets.UTF_8));
            files.put("rg", TestPlans.edit(t.deepCopy(), "/image/resourceGroup", "a/../b").toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = home.resolve(f.getKey() + ".json");
                Files.write(p, f.getValue());
                Cli.run(home, "validate", p.toString(), "--lang", "en");
                Cli.run(home, "validate", p.toString(), "--lang", "es");
                Cli.run(home, "validate", p.toString(), "--online", "--sandbox-endpoints", ep, "--lang", "es");
                Cli.run(home, "run", p.toString(), "--sandbox-endpoints", ep, "--lang", "en");
            }
            String plan = TestPlans.GALLERY.toString();
            for (String lang : List.of("en", "es")) {
                Cli.run(home, "run", plan, "--sandbox-endpoints", ep, "--lang", lang);
                Cli.run(home, "run", plan, "--resume", "--sandbox-endpoints", ep, "--lang", lang);
                Cli.run(home, "inspect", "--account", "pfdemobatchweu", "--sandbox-endpoints", ep, "--lang", lang);
                Cli.run(home, "inspect", "--account", "pfdemobatchweu", "--pool", "render-orphaned", "--sandbox-endpoints", ep, "--lang", lang);
                Cli.run(home, "inspect", "--account", "pfdemobatchweu", "--pool", "legacy-managed-image", "--sandbox-endpoints", ep, "--lang", lang);
            }
            Cli.run(home, "run", plan, "--clean-up", "--sandbox-endpoints", ep, "--lang", "es");
            Cli.run(home, "run", plan, "--clean-up", "--yes", "--sandbox-endpoints", ep, "--lang", "en");
        }
        // A damaged journal, then a sandbox that is gone.
        Path runDir = home.resolve("runs").resolve("20261207-060000-abcd");
        Files.createDirectories(runDir);
        Files.copy(TestPlans.GALLERY, runDir.resolve("run-plan.json"));
        Files.writeString(runDir.resolve("journal.json"), "{\"runId\": \"20261207-060000-abcd\", \"steps\": [");
        Path dead = home.resolve("dead-endpoints.json");
        Files.writeString(dead, Files.readString(home.resolve("endpoints.json")));
        for (String lang : List.of("en", "es")) {
            Cli.run(home, "run", TestPlans.GALLERY.toString(), "--sandbox-endpoints", dead.toString(), "--lang", lang);
        }
        Files.delete(runDir.resolve("journal.json"));
        Files.delete(runDir.resolve("run-plan.json"));
        Files.delete(runDir);
        for (String lang : List.of("en", "es")) {
            Cli.run(home, "validate", TestPlans.GALLERY.toString(), "--online", "--sandbox-endpoints", dead.toString(), "--lang", lang);
        }
    }
}
