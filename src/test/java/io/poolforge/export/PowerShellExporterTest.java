package io.poolforge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.plan.ResourceIds;
import io.poolforge.plan.TestPlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PowerShellExporterTest {
    private final PowerShellExporter exporter = new PowerShellExporter(new Messages(Locale.ENGLISH), "test");

    @Test
    void quotingAndBracketsAreBalancedAndHostileNamesStayLiteral() throws Exception {
        for (Path example : List.of(TestPlans.GALLERY, TestPlans.MANAGED)) {
            Plan plan = HostilePlans.resolved(example);
            Scan scan = scan(exporter.export(plan));
            assertThat(scan.error).as(example.toString()).isNull();
            assertThat(scan.literals).contains(HostilePlans.SNAPSHOT, HostilePlans.GROUP,
                    ResourceIds.pool(plan) + "?api-version=" + io.poolforge.domain.PoolBody.MANAGEMENT_API_VERSION);
            if (plan.galleryTarget()) assertThat(scan.literals).contains(HostilePlans.GALLERY);
            // The here-string holds the pool's REST body, intact.
            var body = new ObjectMapper().readTree(scan.hereStrings.get(0));
            assertThat(body.at("/properties/displayName").asText()).isEqualTo(HostilePlans.DISPLAY);
            assertThat(body.at("/properties/deploymentConfiguration/virtualMachineConfiguration/imageReference/id").asText())
                    .isEqualTo(ResourceIds.image(plan));
        }
    }

    @Test
    void usesTheAzModuleCmdletsOfEachStep() {
        String gallery = exporter.export(HostilePlans.resolvedExample(TestPlans.GALLERY));
        assertThat(gallery).contains("New-AzSnapshotConfig", "New-AzSnapshot ", "New-AzGallery ",
                "New-AzGalleryImageDefinition", "New-AzGalleryImageVersion", "Invoke-AzRestMethod -Method PUT",
                "-TargetRegion @(@{ Name = 'westeurope'; ReplicaCount = 1 })");
        String managed = exporter.export(HostilePlans.resolvedExample(TestPlans.MANAGED));
        assertThat(managed).contains("New-AzImageConfig", "Set-AzImageOsDisk", "Add-AzImageDataDisk -Image $image -Lun 1",
                "New-AzImage ");
        assertThat(scan(gallery).error).isNull();
        assertThat(scan(managed).error).isNull();
    }

    @Test
    void theScannerNoticesUnbalancedQuoting() {
        assertThat(scan("Get-Thing -Name 'abc\n").error).isNotNull();
        assertThat(scan("Get-Thing -Name \"abc\n").error).isNotNull();
        assertThat(scan("if ($x) {\n").error).isNotNull();
        assertThat(scan("$b = @'\n{}\n").error).isNotNull();
        assertThat(scan("Get-Thing -Name 'it''s' # ok\n").literals).containsExactly("it's");
    }

    /** Result of a lexical scan: the single-quoted literals decoded, here-string bodies, or the first error. */
    record Scan(List<String> literals, List<String> hereStrings, String error) {
    }

    /** A small lexer for the PowerShell the exporter writes: strings, here-strings, comments, brackets. */
    static Scan scan(String script) {
        List<String> literals = new ArrayList<>();
        List<String> here = new ArrayList<>();
        StringBuilder brackets = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '#') {
                while (i < n && script.charAt(i) != '\n') i++;
            } else if (c == '@' && script.startsWith("@'\n", i)) {
                int end = script.indexOf("\n'@", i + 2);
                if (end < 0) return new Scan(literals, here, "unterminated here-string at " + i);
                here.add(script.substring(i + 3, end + 1));
                i = end + 3;
                continue;
            } else if (isSingleQuote(c)) {
                StringBuilder lit = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) return new Scan(literals, here, "unterminated '...' string");
                    char d = script.charAt(i);
                    if (isSingleQuote(d)) {
                        if (i + 1 < n && isSingleQuote(script.charAt(i + 1))) {
                            lit.append(d);
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    lit.append(d);
                    i++;
                }
                literals.add(lit.toString());
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= n) return new Scan(literals, here, "unterminated \"...\" string");
                    char d = script.charAt(i);
                    if (d == '`') { i += 2; continue; }
                    if (d == '"') break;
                    i++;
                }
            } else if ("({[".indexOf(c) >= 0) {
                brackets.append(c);
            } else if (")}]".indexOf(c) >= 0) {
                if (brackets.length() == 0 || "({[".indexOf(brackets.charAt(brackets.length() - 1)) != ")}]".indexOf(c)) {
                    return new Scan(literals, here, "unbalanced " + c + " at " + i);
                }
                brackets.setLength(brackets.length() - 1);
            }
            i++;
        }
        return new Scan(literals, here, brackets.length() == 0 ? null : "unclosed " + brackets);
    }

    private static boolean isSingleQuote(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
    }
}
