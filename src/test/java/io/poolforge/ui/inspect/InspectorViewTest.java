package io.poolforge.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.watch.FakeAzure;
import io.poolforge.ui.watch.PoolRemedies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector on screen, headless, on fake data: the managed-image pool is flagged and offers the migration. */
@ExtendWith(ApplicationExtension.class)
class InspectorViewTest {
    private InspectorViewModel model;
    private final List<String> migrations = new ArrayList<>();

    @Start
    void start(Stage stage) {
        FakeAzure azure = InspectorViewModelTest.estate();
        PoolRemedies remedies = new PoolRemedies() {
            @Override public void restoreImage(Request r) { }
            @Override public void rebuildInGallery(Request r) { }
            @Override public void recreatePoolFromGallery(Request r) { }
            @Override public void migrateToGallery(Request r) { migrations.add(r.pool().id()); }
        };
        I18n i18n = new I18n(Locale.ENGLISH);
        model = new InspectorViewModel(new CurrentThreadTaskExecutor(), i18n, e -> io.poolforge.domain.LocalizedText.of("inspect.value.raw", "failed"), (t, text) -> true, remedies, s -> { });
        InspectorView view = new InspectorView(model, i18n, name -> null);
        stage.setScene(new Scene(new StackPane(view.view()), 1200, 700));
        stage.show();
        model.setSource(azure.connection, azure.account);
    }

    @Test
    void flagsTheManagedImagePoolAndOffersTheMigration(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<PoolRow> table = robot.lookup("#inspect-pools").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(5);
        List<Label> flagged = robot.lookup(".retired-source").queryAllAs(Label.class).stream().toList();
        assertThat(flagged).singleElement().satisfies(l -> assertThat(l.getText()).isEqualTo("Managed (retired)"));

        PoolRow managed = table.getItems().stream().filter(PoolRow::retiredSource).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(managed));
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup(".retired-source-text").queryAs(Label.class);
        assertThat(text.getText()).contains("pool-managed".equals(managed.id()) ? managed.imageDisplay() : "?")
                .contains("31 March 2026");
        robot.clickOn("#inspect-migrate");
        assertThat(migrations).containsExactly("pool-managed");

        robot.clickOn("#inspect-custom-only");
        assertThat(table.getItems()).hasSize(4);
    }
}
