package io.poolforge.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Remembers each table's column order and widths in the user's settings (under poolforge.home):
 * {@code table.<name>.order=id,id,...} and {@code table.<name>.width.<id>=px}. Columns are known by
 * their id (set by the view, e.g. the header key). Saves half a second after the user stops
 * dragging; the store writes off the FX thread.
 */
public final class TableLayouts {
    /** Where the layouts live (the app: its Settings, saved in the background). */
    public interface Store {
        Optional<String> get(String key);

        void put(String key, String value);
    }

    private final Store store;

    public TableLayouts(Store store) {
        this.store = store;
    }

    /** Remembers nothing (tests, and views built without settings). */
    public static TableLayouts none() {
        return new TableLayouts(null);
    }

    /** Applies the saved order and widths to {@code table}'s columns and saves their changes from now on. */
    public <S> void remember(TableView<S> table, String name) {
        if (store == null) return;
        String prefix = "table." + Tables.key(name) + ".";
        Map<String, TableColumn<S, ?>> byId = new HashMap<>();
        for (TableColumn<S, ?> c : table.getColumns()) if (c.getId() != null) byId.put(c.getId(), c);
        store.get(prefix + "order").ifPresent(order -> {
            List<TableColumn<S, ?>> sorted = new ArrayList<>();
            for (String id : order.split(",")) {
                TableColumn<S, ?> c = byId.get(id.trim());
                if (c != null && !sorted.contains(c)) sorted.add(c);
            }
            for (TableColumn<S, ?> c : table.getColumns()) if (!sorted.contains(c)) sorted.add(c);
            table.getColumns().setAll(sorted);
        });
        for (TableColumn<S, ?> c : byId.values()) {
            store.get(prefix + "width." + c.getId()).ifPresent(w -> {
                try {
                    double px = Double.parseDouble(w);
                    if (px > 0 && px < 4000) {
                        c.setPrefWidth(px);
                        c.getProperties().put(Tables.USER_WIDTH, px);
                    }
                } catch (NumberFormatException ignored) {
                    // a hand-edited value: keep the default
                }
            });
        }
        PauseTransition later = new PauseTransition(Duration.millis(500));
        later.setOnFinished(e -> {
            List<String> ids = new ArrayList<>();
            for (TableColumn<S, ?> c : table.getColumns()) {
                if (c.getId() == null) continue;
                ids.add(c.getId());
                store.put(prefix + "width." + c.getId(), String.valueOf(Math.round(c.getWidth())));
                c.getProperties().put(Tables.USER_WIDTH, (double) Math.round(c.getWidth()));
            }
            store.put(prefix + "order", String.join(",", ids));
        });
        // Only the user changes widths and order by hand, by dragging in the header: save after such a drag
        // (layout passes and the resize policy change widths too, and are not the user's choice).
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            for (javafx.scene.Node n = e.getTarget() instanceof javafx.scene.Node t ? t : null; n != null && n != table; n = n.getParent()) {
                if (n.getStyleClass().contains("column-header-background")) {
                    later.playFromStart();
                    return;
                }
            }
        });
    }
}
