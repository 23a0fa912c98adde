package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.cli.Cli.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF-17: {@code poolforge inspect --pool ID} shows each diagnosis's level, what was checked and what was not (text and JSON). */
class InspectEvidenceTest {
    @TempDir
    Path home;

    @Test
    void theLockedPoolIsDiagnosedFromTheLockLookUpWithItsLevelAndChecks() throws Exception {
        Result r = Cli.run(home, "inspect", "--sandbox", "--scenario", "diagnose", "--account", "pfdemobatchweu", "--pool", "render-locked",
                "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("RESOURCE_LOCKED", "     Level: Likely", "     Checked: Lock freeze-render-image (ReadOnly) on ",
                "     Checked: Your permissions on ", "     Checked: Security type: image definition Standard, pool Standard.");
    }

    @Test
    void theUbuntuPoolGetsNoNodeAgentVerdictInJson() throws Exception {
        Result r = Cli.run(home, "inspect", "--sandbox", "--scenario", "diagnose", "--account", "pfdemobatchweu", "--pool", "ubuntu-unusable",
                "--json", "--lang", "es");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode d = root.findValue("diagnoses").get(0);
        assertThat(d.path("cause").asText()).isEqualTo("NODES_UNUSABLE");
        assertThat(d.path("level").asText()).isEqualTo("UNKNOWN");
        assertThat(d.path("levelText").asText()).isEqualTo("Desconocido");
        assertThat(d.path("checked").toString()).contains("beginGetAccess", "réplicas");
        assertThat(d.path("checked").toString()).contains("batch.node.ubuntu 22.04", "22_04-lts-gen2");
        assertThat(r.out()).doesNotContain("batch.node.el");
    }

    @Test
    void theDiagnosticBundleCarriesTheSameLevelAndChecks() throws Exception {
        Path zip = home.resolve("locked.zip");
        Result r = Cli.run(home, "inspect", "--sandbox", "--scenario", "diagnose", "--account", "pfdemobatchweu", "--pool", "render-locked",
                "--bundle", zip.toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        java.util.Map<String, String> files = InspectBundleTest.unzip(zip);
        assertThat(files.get("summary.txt")).contains("Evidence: Likely", "Checked: Lock freeze-render-image (ReadOnly) on ",
                "Checked: Security type: image definition Standard, pool Standard.");
        JsonNode d = new ObjectMapper().readTree(files.get("resize-errors.json")).path("diagnoses").get(0);
        assertThat(d.path("cause").asText()).isEqualTo("RESOURCE_LOCKED");
        assertThat(d.path("level").asText()).isEqualTo("LIKELY");
        assertThat(d.path("checked").toString()).contains("freeze-render-image");
    }
}
