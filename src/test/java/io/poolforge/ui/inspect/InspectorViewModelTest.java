package io.poolforge.ui.inspect;

import static io.poolforge.ui.watch.FakeAzure.ALLOCATION_FAILED;
import static io.poolforge.ui.watch.FakeAzure.GALLERY_VERSION;
import static io.poolforge.ui.watch.FakeAzure.MANAGED_IMAGE;
import static io.poolforge.ui.watch.FakeAzure.SNAPSHOT;
import static io.poolforge.ui.watch.FakeAzure.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.NameValue;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Cause;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.rules.PoolRules;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.watch.FakeAzure;
import io.poolforge.ui.watch.PoolRemedies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorViewModelTest {
    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    static final String SAS = "sv=2024-01-01&sig=QWxhZGRpbjpvcGVuIHNlc2FtZQ%3D%3D";

    private FakeAzure azure;
    private final List<String> clipboard = new ArrayList<>();
    private final List<String> remedies = new ArrayList<>();
    private final List<String> confirmations = new ArrayList<>();
    private InspectorViewModel model;

    @TempDir
    Path dir;

    /** The estate of the inspector tests: Marketplace, gallery (two pools share it), deleted image, managed image. */
    static FakeAzure estate() {
        FakeAzure azure = new FakeAzure();
        azure.compute.addVersion(GALLERY_VERSION);
        azure.compute.addSnapshot(SNAPSHOT);
        azure.compute.addManaged(MANAGED_IMAGE, SNAPSHOT);
        azure.batch.put(pool("pool-market", null, 2, 2, AllocationState.STEADY, List.of()));
        azure.batch.put(pool("pool-gallery-a", GALLERY_VERSION, 1500, 1500, AllocationState.STEADY, List.of()));
        azure.batch.put(pool("pool-gallery-b", GALLERY_VERSION, 800, 100, AllocationState.STEADY, List.of(
                new ResizeError("AllocationFailed", "Authorization: Bearer " + JWT + " failed",
                        List.of(new NameValue("Url", "https://x.blob.core.windows.net/c?" + SAS)), null))));
        azure.batch.put(pool("pool-deleted", GALLERY_VERSION.replace("1.0.0", "0.1.0"), 4, 0, AllocationState.STEADY,
                List.of(ALLOCATION_FAILED)));
        azure.batch.put(pool("pool-managed", MANAGED_IMAGE, 10, 10, AllocationState.STEADY, List.of()));
        return azure;
    }

    @BeforeEach
    void setUp() {
        azure = estate();
        PoolRemedies recorder = new PoolRemedies() {
            @Override public void restoreImage(Request r) { remedies.add("restore:" + r.pool().id()); }
            @Override public void rebuildInGallery(Request r) { remedies.add("rebuildInGallery:" + r.pool().id()); }
            @Override public void recreatePoolFromGallery(Request r) { remedies.add("recreate:" + r.pool().id()); }
            @Override public void migrateToGallery(Request r) { remedies.add("migrate:" + r.pool().id()); }
        };
        model = new InspectorViewModel(new CurrentThreadTaskExecutor(), new I18n(Locale.ENGLISH), e -> io.poolforge.domain.LocalizedText.of("inspect.value.raw", "failed: " + e.getMessage()),
                (t, text) -> confirmations.add(t + "|" + text), recorder, clipboard::add);
        model.setSource(azure.connection, azure.account);
    }

    private PoolRow row(String id) {
        return model.allRows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsThePoolsWithTheirImageAndWhetherItStillExists() {
        assertThat(model.rows()).extracting(PoolRow::id)
                .containsExactly("pool-deleted", "pool-gallery-a", "pool-gallery-b", "pool-managed", "pool-market");
        assertThat(row("pool-market").imageType()).isEqualTo(PoolRow.ImageType.MARKETPLACE);
        assertThat(row("pool-gallery-a").imageType()).isEqualTo(PoolRow.ImageType.GALLERY);
        assertThat(row("pool-gallery-a").imageExists()).isTrue();
        assertThat(row("pool-deleted").imageExists()).isFalse();
        assertThat(row("pool-managed").imageType()).isEqualTo(PoolRow.ImageType.MANAGED);
        assertThat(row("pool-managed").retiredSource()).isTrue();
        assertThat(row("pool-deleted").lastError().code()).isEqualTo("AllocationFailed");
        assertThat(en(model.statusProperty().get())).isEqualTo("5 pools in the Batch account batchacct.");
    }

    @Test
    void filtersCustomImageOnlyAndWithErrorsOnly() {
        model.customOnlyProperty().set(true);
        assertThat(model.rows()).extracting(PoolRow::id)
                .containsExactly("pool-deleted", "pool-gallery-a", "pool-gallery-b", "pool-managed");
        model.errorsOnlyProperty().set(true);
        assertThat(model.rows()).extracting(PoolRow::id).containsExactly("pool-deleted", "pool-gallery-b");
        model.customOnlyProperty().set(false);
        model.searchProperty().set("POOL-GALLERY");
        assertThat(model.rows()).extracting(PoolRow::id).containsExactly("pool-gallery-b");
        model.errorsOnlyProperty().set(false);
        model.searchProperty().set("");
        assertThat(model.rows()).hasSize(5);
    }

    @Test
    void opensAPoolWithPortalGroupsImagesSharingPoolsAndDiagnoses() {
        model.selectedProperty().set(row("pool-gallery-a"));
        PoolDetails d = model.detailsProperty().get();
        assertThat(d.groups()).extracting(PoolDetails.PropertyGroup::titleKey)
                .containsExactly("inspect.group.general", "inspect.group.os", "inspect.group.nodeAgent", "inspect.group.scale");
        assertThat(d.groups().get(1).properties()).extracting(p -> p.value().key()).contains("inspect.value.customImage");
        assertThat(d.image().associated()).extracting(a -> a.kind().name()).containsExactly("GALLERY_IMAGE_VERSION", "SNAPSHOT");
        assertThat(d.image().associated().get(0).replicas()).singleElement().satisfies(r -> assertThat(r.replicaCount()).isEqualTo(3));
        // pool-gallery-b shares the version; pool-managed shares the snapshot it was built from.
        assertThat(d.sharing()).extracting(p -> p.id()).containsExactlyInAnyOrder("pool-gallery-b", "pool-managed");
        assertThat(d.sharedDedicated()).isEqualTo(1500 + 800 + 10).isGreaterThan(PoolRules.MAX_DEDICATED_NODES);
        assertThat(d.diagnoses()).isEmpty();
        assertThat(d.states()).singleElement().satisfies(s -> assertThat(s.dedicated()).isEqualTo(1500));

        model.selectedProperty().set(row("pool-deleted"));
        d = model.detailsProperty().get();
        assertThat(d.diagnoses()).singleElement().satisfies(x -> assertThat(x.cause()).isEqualTo(Cause.IMAGE_DELETED));
        assertThat(model.perform(Action.RESTORE_IMAGE, d.diagnoses().get(0))).isTrue();
        assertThat(remedies).containsExactly("restore:pool-deleted");
    }

    /** PF-20: a size read in one case ("STANDARD_D2S_V3", as Azure's own Pool - Get example) shows as the size list names it. */
    @Test
    void thePoolsSizeShowsAsTheAccountsSizeListNamesIt() {
        azure.batch.put(pool("pool-gallery-a", GALLERY_VERSION, 3, 3, AllocationState.STEADY, List.of()).withVmSize("STANDARD_D2S_V3"));
        model.selectedProperty().set(row("pool-gallery-a"));
        var size = model.detailsProperty().get().groups().get(0).properties().stream()
                .filter(x -> x.labelKey().equals("inspect.prop.vmSize")).findFirst().orElseThrow();
        assertThat(size.value().args()).containsExactly("Standard_D2s_v3");
    }

    /**
     * PF-20: "Restore the image" opened the "Rebuild the image in a gallery" dialog. Every remedy the inspector performs asks
     * under its own label, says what it does, and does that.
     */
    @Test
    void eachRemedyAsksUnderItsOwnLabelAndDoesWhatItSays() {
        model.selectedProperty().set(row("pool-deleted"));
        Diagnosis d = model.detailsProperty().get().diagnoses().get(0);
        java.util.Map<Action, String> expected = java.util.Map.of(
                Action.RESTORE_IMAGE, "restore:pool-deleted",
                Action.REBUILD_IN_GALLERY, "rebuildInGallery:pool-deleted",
                Action.RECREATE_POOL, "recreate:pool-deleted");
        assertThat(model.performable()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Action a : model.performable()) {
            confirmations.clear();
            remedies.clear();
            assertThat(model.perform(a, d)).isTrue();
            assertThat(confirmations).singleElement().asString().startsWith(a.key() + "|");
            assertThat(remedies).containsExactly(expected.get(a));
        }
        confirmations.clear();
        model.perform(Action.RESTORE_IMAGE, d);
        assertThat(confirmations.get(0)).contains("Restore the image").contains("at the same id").doesNotContain("gallery")
                .doesNotContain("/subscriptions/");
        confirmations.clear();
        model.perform(Action.REBUILD_IN_GALLERY, d);
        assertThat(confirmations.get(0)).contains("Open the wizard").contains("Azure Compute Gallery");
    }

    @Test
    void managedImagePoolsAreFlaggedAndOfferTheMigration() {
        model.selectedProperty().set(row("pool-managed"));
        assertThat(model.detailsProperty().get().retiredSource()).isTrue();
        assertThat(model.migrateToGallery(row("pool-managed"))).isTrue();
        assertThat(confirmations).singleElement().asString().startsWith("inspect.action.migrate|")
                .contains("pool-managed").contains(MANAGED_IMAGE);
        assertThat(remedies).containsExactly("migrate:pool-managed");
        assertThat(model.migrateToGallery(row("pool-gallery-a"))).isFalse();
    }

    @Test
    void jsonExportHasThePropertiesAndNoTokenLikeString() throws Exception {
        PoolRow row = row("pool-gallery-b");
        model.copyJson(row);
        assertThat(clipboard).hasSize(1);
        String json = clipboard.get(0);
        assertThat(json).contains("\"id\" : \"pool-gallery-b\"").contains("\"targetDedicatedNodes\" : 800")
                .contains("\"type\" : \"galleryImage\"").contains("AllocationFailed");
        assertNoSecrets(json);

        Path file = dir.resolve("pool-gallery-b.json");
        model.exportJson(row, file);
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(saved).isEqualTo(json);
        assertThat(en(model.statusProperty().get())).contains("pool-gallery-b.json");

        model.selectedProperty().set(row);
        String opened = model.json(row);
        assertThat(opened).contains("\"nodeCounts\"");
        assertNoSecrets(opened);
        for (PoolRow r : model.allRows()) assertNoSecrets(model.json(r));
    }

    private static void assertNoSecrets(String json) {
        assertThat(json).doesNotContain(JWT).doesNotContain("eyJ").doesNotContain("QWxhZGRpbjpvcGVuIHNlc2FtZQ")
                .doesNotContainIgnoringCase("bearer ey").doesNotContain("ana@contoso")
                .doesNotContainPattern("[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");
    }

    private static String en(io.poolforge.domain.LocalizedText t) {
        return new io.poolforge.i18n.Messages(java.util.Locale.ENGLISH).text(t);
    }
}
