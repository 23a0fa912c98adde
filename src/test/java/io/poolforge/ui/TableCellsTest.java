package io.poolforge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * PF-21: the cells of a copyable column make their tooltip when the pointer comes in and their Copy menu when it is
 * asked for (not at every update, which was most of the VM table's first rows on the FX thread), and still show the
 * row's own values after the rows change; columns are measured again only when a measured row changes.
 */
@ExtendWith(ApplicationExtension.class)
class TableCellsTest {
    private final ObservableList<String> rows = FXCollections.observableArrayList("vm-a", "vm-b", "");
    private final List<String> copied = new ArrayList<>();
    private TableView<String> table;
    private TableColumn<String, String> name;

    @Start
    void start(Stage stage) {
        table = new TableView<>(rows);
        name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        table.getColumns().add(name);
        Tables.copyableCells(name, new I18n(Locale.ENGLISH), s -> s, s -> s.isEmpty() ? "" : "/subscriptions/x/" + s,
                (java.util.function.Consumer<String>) copied::add);
        stage.setScene(new Scene(new StackPane(table), 400, 300));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private TableCell<String, String> cell(FxRobot robot, String text) {
        return (TableCell<String, String>) robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText())).findFirst().orElseThrow();
    }

    private static void enter(Node n) {
        Event.fireEvent(n, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, javafx.scene.input.MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, new PickResult(n, 1, 1)));
    }

    private static void askMenu(Node n) {
        Event.fireEvent(n, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 1, 1, 1, 1, false, new PickResult(n, 1, 1)));
    }

    @Test
    void theTooltipAndTheCopyMenuComeWhenAskedAndFollowTheRow(FxRobot robot) {
        TableCell<String, String> a = cell(robot, "vm-a");
        assertThat(a.getTooltip()).as("no tooltip made at the update").isNull();
        assertThat(a.getContextMenu()).as("no menu made at the update").isNull();

        robot.interact(() -> enter(a));
        assertThat(a.getTooltip().getText()).isEqualTo("/subscriptions/x/vm-a");
        robot.interact(() -> askMenu(a));
        ContextMenu menu = a.getContextMenu();
        assertThat(menu.getItems()).extracting(MenuItem::getText).containsExactly("Copy full id");
        robot.interact(() -> menu.getItems().get(0).fire());
        assertThat(copied).containsExactly("/subscriptions/x/vm-a");

        // The same cell shows another row: its tooltip and its Copy follow it.
        robot.interact(() -> rows.set(0, "vm-z"));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<String, String> z = cell(robot, "vm-z");
        assertThat(z.getTooltip() == null ? null : z.getTooltip().getText()).isIn(null, "/subscriptions/x/vm-z");
        robot.interact(() -> {
            enter(z);
            askMenu(z);
        });
        assertThat(z.getTooltip().getText()).isEqualTo("/subscriptions/x/vm-z");
        robot.interact(() -> z.getContextMenu().getItems().get(0).fire());
        assertThat(copied).containsExactly("/subscriptions/x/vm-a", "/subscriptions/x/vm-z");
    }

    @Test
    void aRowWithNothingToCopyHasNeitherTooltipNorMenu(FxRobot robot) {
        TableCell<String, String> empty = cell(robot, "");
        robot.interact(() -> {
            enter(empty);
            askMenu(empty);
        });
        assertThat(empty.getTooltip()).isNull();
        assertThat(empty.getContextMenu()).isNull();
    }

    @Test
    void rowsAddedAfterTheMeasuredOnesDoNotMeasureAgainButAMeasuredRowDoes(FxRobot robot) {
        robot.interact(() -> {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 400; i++) many.add("vm-" + i);
            rows.setAll(many);
            Tables.fitToContent(table);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double measured = name.getMinWidth();
        String longName = "vm-with-a-very-long-name-that-needs-a-much-wider-column-than-the-others";
        robot.interact(() -> rows.add(longName)); // row 400: past the measured ones
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getMinWidth()).isEqualTo(measured);
        robot.interact(() -> rows.add(0, longName)); // now among the measured rows
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getMinWidth()).isGreaterThan(measured);
    }
}
