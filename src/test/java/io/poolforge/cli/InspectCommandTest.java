package io.poolforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.domain.rules.ImageRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.poolforge.cli.Cli.Result;

/** {@code poolforge inspect} on the sandbox's demo estate (an in-process sandbox per command: {@code --sandbox}). */
class InspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    Result run(String... args) {
        return Cli.run(home, args);
    }

    private static String retiredCode() {
        return ImageRules.managedImagesRetired(LocalDate.now(ZoneOffset.UTC)) ? "POOL_MANAGED_IMAGE_RETIRED" : "POOL_MANAGED_IMAGE_RETIRING";
    }

    @Test
    void listsThePoolsWithImageTypeExistenceAllocationAndLastError() throws Exception {
        Result r = run("inspect", "--sandbox", "--account", "pfdemobatchweu", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.at("/account/location").asText()).isEqualTo("westeurope");
        Map<String, JsonNode> pools = new HashMap<>();
        n.get("pools").forEach(p -> pools.put(p.get("id").asText(), p));
        assertThat(pools).containsOnlyKeys("legacy-managed-image", "render-gallery", "render-orphaned");

        JsonNode gallery = pools.get("render-gallery");
        assertThat(gallery.get("imageType").asText()).isEqualTo("custom");
        assertThat(gallery.get("imageKind").asText()).isEqualTo("gallery");
        assertThat(gallery.get("imageId").asText()).endsWith("/galleries/gal_pf_images/images/ubuntu2204-render/versions/1.0.0");
        assertThat(gallery.get("imageExists").asBoolean()).isTrue();
        assertThat(gallery.get("retiredSource").asBoolean()).isFalse();
        assertThat(gallery.get("vmSize").asText()).isEqualTo("Standard_D4s_v5");
        assertThat(gallery.get("targetDedicatedNodes").asInt()).isEqualTo(2);
        assertThat(gallery.get("lastResizeError").isNull()).isTrue();

        JsonNode orphaned = pools.get("render-orphaned");
        assertThat(orphaned.get("imageExists").asBoolean()).isFalse();
        assertThat(orphaned.get("allocationState").asText()).isEqualTo("steady");
        assertThat(orphaned.get("currentDedicatedNodes").asInt()).isZero();
        assertThat(orphaned.get("targetDedicatedNodes").asInt()).isEqualTo(4);
        assertThat(orphaned.at("/lastResizeError/code").asText()).isEqualTo("AllocationFailed");

        JsonNode managed = pools.get("legacy-managed-image");
        assertThat(managed.get("imageKind").asText()).isEqualTo("managed");
        assertThat(managed.get("retiredSource").asBoolean()).isTrue();
    }

    @Test
    void aPoolWhoseImageWasDeletedIsDiagnosedAsImageDeleted() throws Exception {
        Result r = run("inspect", "--sandbox", "--account", "pfdemobatchweu", "--pool", "render-orphaned", "--json", "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.at("/pool/imageExists").asBoolean()).isFalse();
        assertThat(n.at("/pool/resizeErrors/0/code").asText()).isEqualTo("AllocationFailed");
        assertThat(n.get("diagnoses")).hasSize(1);
        JsonNode d = n.at("/diagnoses/0");
        assertThat(d.get("cause").asText()).isEqualTo("IMAGE_DELETED");
        assertThat(d.at("/error/code").asText()).isEqualTo("AllocationFailed");
        assertThat(d.get("causeText").asText()).contains("/versions/0.9.0 of pool render-orphaned no longer exists");
        assertThat(d.get("action").asText()).isEqualTo("RESTORE_IMAGE");
        assertThat(d.get("source").asText()).startsWith("https://learn.microsoft.com/");
        assertThat(n.get("flags")).isEmpty();
    }

    @Test
    void theManagedImagePoolIsFlaggedAsARetiredSource() throws Exception {
        Result r = run("inspect", "--sandbox", "--account", "pfdemobatchweu", "--pool", "legacy-managed-image", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.at("/pool/retiredSource").asBoolean()).isTrue();
        assertThat(n.at("/pool/imageExists").asBoolean()).isTrue();
        assertThat(n.at("/flags/0/code").asText()).isEqualTo(retiredCode());
        assertThat(n.at("/flags/0/message").asText()).contains("img-render-2019", "2026-03-31");
        assertThat(n.get("diagnoses")).isEmpty();
    }

    @Test
    void textOutputIsLocalized() {
        Result en = run("inspect", "--sandbox", "--account", "pfdemobatchweu", "--lang", "en");
        assertThat(en.code()).as(en.err()).isEqualTo(ExitCodes.OK);
        assertThat(en.out()).contains("Pools of the Batch account pfdemobatchweu (westeurope", "IMAGE EXISTS",
                "custom (managed image)", "custom (Azure Compute Gallery)", "last resize error: AllocationFailed",
                "Batch stopped accepting managed images as pool sources on 2026-03-31");
        assertThat(en.out().lines().filter(l -> l.startsWith("render-orphaned")).findFirst().orElseThrow())
                .contains("Standard_D4s_v5", " no ", "steady", "0/4");

        Result es = run("inspect", "--sandbox", "--account", "pfdemobatchweu", "--pool", "render-orphaned", "--lang", "es");
        assertThat(es.code()).as(es.err()).isEqualTo(ExitCodes.OK);
        assertThat(es.out()).contains("Grupo render-orphaned de la cuenta de Batch pfdemobatchweu", "La imagen existe: no",
                "Nodos de acceso puntual (Spot): 0 de 0", "AllocationFailed → IMAGE_DELETED", "ya no existe", "Acción: Restaurar la imagen");
    }

    @Test
    void unknownAccountOrPoolIsAUsageError() {
        Result account = run("inspect", "--sandbox", "--account", "nosuchaccount", "--lang", "en");
        assertThat(account.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(account.err()).contains("There is no Batch account nosuchaccount", "pfdemobatchweu");

        Result pool = run("inspect", "--sandbox", "--account", "pfdemobatchweu", "--pool", "nope", "--lang", "en");
        assertThat(pool.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(pool.err()).contains("There is no pool nope in the Batch account pfdemobatchweu.");
    }

    @Test
    void connectionOptionsAreChecked() {
        assertThat(run("inspect", "--account", "a", "--scenario", "demo", "--lang", "en").err())
                .contains("--scenario needs --sandbox.");
        Result both = run("inspect", "--account", "a", "--sandbox", "--sandbox-url", "https://127.0.0.1:1", "--lang", "en");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("Use either --sandbox or a running sandbox");
        Result half = run("inspect", "--account", "a", "--sandbox-url", "https://127.0.0.1:1", "--lang", "en");
        assertThat(half.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(half.err()).contains("--sandbox-url and --sandbox-cert go together");
        assertThat(run("inspect", "--account", "a", "--sandbox", "--scenario", "mars", "--lang", "en").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("inspect", "--sandbox").code()).isEqualTo(ExitCodes.USAGE); // --account is required
    }

    @Test
    void aSandboxThatIsNotThereIsAnAzureError() throws Exception {
        Path pem = home.resolve("cert.pem");
        java.nio.file.Files.writeString(pem, "");
        Result r = run("inspect", "--account", "a", "--sandbox-url", "https://127.0.0.1:9", "--sandbox-cert", pem.toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.AZURE_ERROR);
    }

    @Test
    void helpDocumentsTheCommands() {
        Result inspect = run("inspect", "--help");
        assertThat(inspect.code()).isZero();
        assertThat(inspect.out()).contains("Shows the pools of a Batch account", "--account=NAME", "--pool=ID", "--subscription=ID",
                "--sandbox", "--sandbox-url=URL", "--sandbox-cert=PEM", "--sandbox-endpoints=FILE|JSON", "--scenario=NAME", "--tenant=TENANT",
                "--json", "--lang=en|es");
        Result runHelp = run("run", "--help");
        assertThat(runHelp.code()).isZero();
        assertThat(runHelp.out()).contains("Runs a plan", "PLAN", "--resume", "--clean-up", "--run-id=ID", "--yes",
                "Exit codes: 0 done, 1 the plan").doesNotContain("--pause-after");
    }
}
