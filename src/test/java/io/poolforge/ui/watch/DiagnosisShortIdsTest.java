package io.poolforge.ui.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.Connection;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.ui.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PF-20: the diagnosis of the sandbox's "diagnose" scenario (pool ubuntu-unusable, nodes unusable, what was checked listed)
 * repeated the 170-character gallery image version id in its "Checked" / "Comprobado" lines. On screen each id reads by its
 * short name, as in the inspector's tables and properties, with the full id on hover and in the line's copy menu.
 */
@ExtendWith(ApplicationExtension.class)
class DiagnosisShortIdsTest {
    static final Path HOME = Path.of(System.getProperty("poolforge.home", System.getProperty("java.io.tmpdir")), "diagnosis-short-ids");

    private Connection connection;
    private Diagnosis diagnosis;
    private String image;
    private final VBox root = new VBox();

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(HOME);
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(HOME.resolve("certs")).start();
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, HOME);
        connection = connector.sandbox("diagnose");
        BatchAccountInfo account = connection.identity().subscriptions().stream()
                .flatMap(s -> connection.batch().listAccounts(s.subscriptionId()).stream())
                .filter(a -> a.name().equals("pfdemobatchweu")).findFirst().orElseThrow();
        PoolInfo p = connection.batch().getPool(account, "ubuntu-unusable").orElseThrow();
        image = p.customImageId();
        var img = PoolLookups.inspectImage(connection.compute(), image);
        diagnosis = Diagnoser.diagnose(PoolLookups.evidence(connection.compute(), connection.batch(), account, p,
                connection.batch().nodeCounts(account, p.id()), img, null)).get(0);
        stage.setScene(new Scene(new ScrollPane(root), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private List<Label> lines(FxRobot robot, Locale locale) {
        I18n i18n = new I18n(locale);
        robot.interact(() -> root.getChildren().setAll(DiagnosisCards.card(i18n, diagnosis, List.of(), (a, d) -> { })));
        List<Label> out = new ArrayList<>();
        for (Node n : robot.lookup(".diagnosis-checked .label").queryAll()) out.add((Label) n);
        return out;
    }

    @Test
    void theCheckedLinesNameTheImageByItsShortNameWithTheFullIdOnHoverAndCopy(FxRobot robot) {
        assertThat(image).startsWith("/subscriptions/").hasSizeGreaterThan(150);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            List<Label> lines = lines(robot, locale);
            assertThat(lines).as("the Checked lines in %s", locale).hasSizeGreaterThan(3);
            assertThat(lines).extracting(Label::getText).noneMatch(t -> t.contains("/subscriptions/"));
            List<Label> withImage = lines.stream().filter(l -> l.getText().contains("ubuntu2204-render/1.0.0")).toList();
            // "The image … exists" and "Your permissions on … include …": both name it, both shortened.
            assertThat(withImage).as("lines naming the image in %s", locale).hasSize(2).allSatisfy(l -> {
                assertThat(l.getTooltip()).isNotNull();
                assertThat(l.getTooltip().getText()).isEqualTo(image);
                assertThat(l.getProperties().get(DiagnosisCards.FULL_IDS)).isEqualTo(List.of(image));
                assertThat(l.getContextMenu().getItems()).extracting(MenuItem::getText)
                        .containsExactly(locale.getLanguage().equals("es") ? "Copiar el identificador completo" : "Copy full id");
            });
        }
        assertThat(lines(robot, Locale.ENGLISH)).extracting(Label::getText)
                .contains("• The image ubuntu2204-render/1.0.0 exists (read from Azure).");
    }
}
