package io.poolforge.ui.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.Connection;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The nodes panel on screen, headless, against the sandbox's "nodes" scenario through the real SDK adapters: grouped
 * errors with their diagnosis, filters, the stderr tail of a failed start task, confirmed and journaled actions that
 * change the sandbox's nodes, Spanish texts.
 */
@ExtendWith(ApplicationExtension.class)
class NodesPanelSandboxTest {
    static final String POOL = "render-custom-nodes";
    static final Path HOME = Path.of(System.getProperty("poolforge.home", System.getProperty("java.io.tmpdir")), "nodes-panel-tests");

    private Connection connection;
    private BatchAccountInfo account;
    private NodesViewModel model;
    private I18n i18n;
    private final List<String> confirmations = new CopyOnWriteArrayList<>();
    private final List<String> journal = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(HOME);
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(HOME.resolve("certs")).start();
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, HOME);
        connection = connector.sandbox("nodes");
        account = connection.identity().subscriptions().stream().flatMap(s -> connection.batch().listAccounts(s.subscriptionId()).stream())
                .filter(a -> a.name().equals("pfdemobatchweu")).findFirst().orElseThrow();
        i18n = new I18n(Locale.ENGLISH);
        model = new NodesViewModel(new CurrentThreadTaskExecutor(), i18n, e -> io.poolforge.domain.LocalizedText.of("inspect.value.raw",
                String.valueOf(e.getMessage())), (title, text) -> confirmations.add(title + "|" + text), journal::add, Clock.systemUTC(), "test");
        NodesPanel panel = new NodesPanel(model, i18n, () -> null, List::of, name -> Optional.empty(), node -> Optional.empty());
        stage.setScene(new Scene(new ScrollPane(panel.view()), 900, 700));
        stage.show();
        model.show(connection, account, POOL);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ComputeNode> table(FxRobot robot) {
        return robot.lookup("#nodes-table").queryAs(TableView.class);
    }

    private static List<String> headers(FxRobot robot) {
        List<String> out = new ArrayList<>();
        robot.lookup(".nodes-group-header").queryAllAs(Label.class).forEach(l -> out.add(l.getText()));
        return out;
    }

    @Test
    void mixedNodeStatesShowAsGroupedErrorsWithTheirDiagnosis(FxRobot robot) {
        assertThat(table(robot).getItems()).hasSize(12);
        assertThat(robot.lookup("#nodes-title").queryAs(Label.class).getText()).isEqualTo("Nodes: 12 of 12 (Standard_F2s_v2)");
        // PF-20: the data plane names the size "standard_f2s_v2"; the panel names it as the account's size list does.
        assertThat(table(robot).getItems()).extracting(ComputeNode::vmSize).containsOnly("Standard_F2s_v2");
        // No made-up node error code (PF-17): unusable nodes report none; start task failures carry their failureInfo code.
        assertThat(headers(robot)).containsExactly("5 nodes: unusable, no error reported", "2 nodes: FailureExitCode",
                "1 node: BlobAccessDenied");
        List<String> texts = new ArrayList<>();
        robot.lookup(".nodes-group").queryAll().forEach(n -> robot.from(n).lookup(".label").queryAllAs(Label.class)
                .forEach(l -> texts.add(l.getText())));
        assertThat(texts).contains("5 nodes are unusable without any error reported: Batch cannot communicate with the VM.",
                "The start task failed on 2 nodes with exit code 127; with waitForSuccess set, Batch runs no task there.",
                "Evidence: Confirmed");
        assertThat(texts).anyMatch(t -> t.startsWith("• Simplified node communication") && t.contains("BatchNodeManagement.<region>"));
        assertThat(texts).noneMatch(t -> t.contains("Suggested: Remove from pool"));
        // display names, human times: no raw enum names or ISO timestamps in the table
        ComputeNode bad = table(robot).getItems().stream().filter(n -> n.inState("startTaskFailed")).findFirst().orElseThrow();
        String state = (String) table(robot).getColumns().get(1).getCellData(bad);
        String since = (String) table(robot).getColumns().get(3).getCellData(bad);
        String start = (String) table(robot).getColumns().get(4).getCellData(bad);
        assertThat(state).isEqualTo("Start task failed");
        assertThat(since).endsWith("ago").doesNotContain("T").doesNotContain("Z");
        assertThat(start).isEqualTo("Failed (exit 127)");
    }

    @Test
    void filtersByStateAndErrorCodeAndShowsTheStderrTailOfAFailedStartTask(FxRobot robot) {
        robot.interact(() -> model.codeFilterProperty().set("BlobAccessDenied"));
        assertThat(table(robot).getItems()).hasSize(1);
        robot.interact(() -> {
            model.codeFilterProperty().set(null);
            model.stateFilterProperty().set("startTaskFailed");
        });
        assertThat(table(robot).getItems()).hasSize(3);
        int withStderr = table(robot).getItems().indexOf(table(robot).getItems().stream()
                .filter(n -> "FailureExitCode".equals(n.startTaskFailureCode())).findFirst().orElseThrow());
        robot.interact(() -> table(robot).getSelectionModel().select(withStderr));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nodes-stderr").queryAs(TextArea.class).getText())
                .contains("blender: command not found", "sig=***").doesNotContain("c2FuZGJveFNhc1NpZ25hdHVyZUZvclBGMTI");
        assertThat(robot.lookup("#nodes-detail-title").queryAs(Label.class).getText()).endsWith("(Start task failed)");
    }

    @Test
    void rebootAndRemoveAreConfirmedJournaledAndChangeTheSandboxNodes(FxRobot robot) {
        List<ComputeNode> unusable = model.all().stream().filter(n -> n.inState("unusable")).toList();
        assertThat(unusable).hasSize(5);
        robot.interact(() -> assertThat(model.reboot(unusable)).isTrue());
        assertThat(confirmations).singleElement().asString().startsWith("ui.nodes.confirm.reboot.title|Reboot ").contains(POOL);
        // One was only out of touch and recovers; the other four stay unusable.
        assertThat(connection.batch().computeNodes(account, POOL, null)).filteredOn(n -> unusable.stream().anyMatch(u -> u.id().equals(n.id())))
                .extracting(ComputeNode::state).containsExactlyInAnyOrder("idle", "unusable", "unusable", "unusable", "unusable");
        assertThat(headers(robot)).contains("4 nodes: unusable, no error reported");

        List<ComputeNode> bad = model.all().stream().filter(n -> n.inState("unusable") && n.dedicated()).toList();
        robot.interact(() -> model.deallocationProperty().set("taskcompletion"));
        robot.interact(() -> assertThat(model.remove(bad)).isTrue());
        assertThat(confirmations.get(1)).contains("Remove " + bad.size() + " node", "from pool " + POOL, "Let them finish");
        assertThat(table(robot).getItems()).hasSize(12 - bad.size());
        assertThat(connection.batch().computeNodes(account, POOL, null)).hasSize(12 - bad.size());
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0)).contains("pool=" + POOL, "reboot requeue", unusable.get(0).id());
        assertThat(journal.get(1)).contains("remove taskcompletion", bad.get(0).id());

        // reimage: Batch allows it only on cloud-service-configuration pools, so it is offered disabled and refused
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        assertThat(robot.lookup("#nodes-reimage").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        robot.interact(() -> assertThat(model.reimage(List.of(model.all().get(0)))).isFalse());
        assertThat(confirmations).hasSize(2);
        assertThat(robot.lookup("#nodes-error").queryAs(Label.class).getText()).startsWith("Batch reimages nodes only in pools with the cloud service");
    }

    @Test
    void uploadSendsTheContainerUrlButConfirmsAndJournalsItWithoutTheSas(FxRobot robot) {
        ComputeNode n = model.all().get(0);
        String url = "https://stpfsupport.blob.core.windows.net/logs?sv=2022-11-02&sp=rwl&sig=PANELSECRET";
        robot.interact(() -> assertThat(model.uploadLogs(n, url)).isTrue());
        assertThat(confirmations).singleElement().asString().contains("to https://stpfsupport.blob.core.windows.net/logs").doesNotContain("sv=");
        assertThat(String.join("\n", confirmations) + String.join("\n", journal)
                + robot.lookup("#nodes-status").queryAs(Label.class).getText()).doesNotContain("PANELSECRET").doesNotContain("sig=");
        assertThat(journal).singleElement().asString().contains("uploadbatchservicelogs https://stpfsupport.blob.core.windows.net/logs");
    }

    @Test
    void spanishTexts(FxRobot robot) {
        robot.interact(() -> i18n.setLocale(new Locale("es")));
        assertThat(headers(robot)).contains("5 nodos: no utilizable, sin error notificado", "1 nodo: BlobAccessDenied");
        assertThat(robot.lookup("#nodes-title").queryAs(Label.class).getText()).isEqualTo("Nodos: 12 de 12 (Standard_F2s_v2)");
        assertThat(robot.lookup("#nodes-reboot").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Reiniciar");
    }

    @Test
    void theBundleActionWritesTheZipThroughATask(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var pool = connection.batch().getPool(account, POOL).orElseThrow();
        Path zip = dir.resolve("bundle.zip");
        robot.interact(() -> model.writeBundle(zip, pool, List.of()));
        assertThat(zip).exists();
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(java.util.Collections.list(z.entries())).first().extracting(java.util.zip.ZipEntry::getName).isEqualTo("summary.txt");
            String summary = new String(z.getInputStream(z.getEntry("summary.txt")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(summary).contains("5 nodes: unusable, no error reported", "PoolForge version: test");
        }
        assertThat(robot.lookup("#nodes-status").queryAs(Label.class).getText()).isEqualTo("Diagnostic bundle written to " + zip + ".");
    }
}
