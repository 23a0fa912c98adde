package io.poolforge.ui;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Tables that fit: each column knows the text its cells show, and its minimum width follows the
 * widest of them and its header (in the current language), so no cell or header is cut off; the
 * constrained resize policy gives the rest of the width to the columns. Resource ids show by their
 * short name with the full id in a tooltip and a "Copy full id" menu. FX thread only.
 */
public final class Tables {
    private static final String TEXT = "poolforge.cellText";
    private static final String EXTRA = "poolforge.cellExtra";
    private static final String POLICY = "poolforge.resizePolicy";
    private static final String RETRIES = "poolforge.fitRetries";
    /** A column's width as the user left it (TableLayouts puts it there). */
    static final String USER_WIDTH = "poolforge.userWidth";
    /** Rows measured at most (the first ones); enough for a screen, cheap for 10,000 VMs. */
    private static final int MEASURED_ROWS = 400;
    private static final double CELL_PADDING = 14;
    private static final double HEADER_PADDING = 18;

    private Tables() {
    }

    /** Declares the text the column's cells show ({@code extra}: room for a badge's padding). */
    public static <S> void text(TableColumn<S, ?> column, Function<S, String> text, double extra) {
        column.getProperties().put(TEXT, text);
        column.getProperties().put(EXTRA, extra);
    }

    /** The last segment of an Azure resource id ("/subscriptions/…/versions/1.0.0" → "1.0.0"), else the text itself. */
    public static String shortName(String id) {
        if (id == null) return "";
        String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        if (!s.startsWith("/")) return s;
        String[] parts = s.split("/");
        String last = parts[parts.length - 1];
        // A gallery image version reads better with its image: "render-legacy/0.9.0".
        if (parts.length >= 3 && "versions".equalsIgnoreCase(parts[parts.length - 2]) && parts.length >= 5
                && "images".equalsIgnoreCase(parts[parts.length - 4])) {
            return parts[parts.length - 3] + "/" + last;
        }
        return last;
    }

    /**
     * Cells that show {@code shown} of the row, with {@code full} in a tooltip and a context menu
     * copying it (the full resource id, or the raw value behind a formatted one).
     */
    public static <S> void copyableCells(TableColumn<S, S> column, I18n i18n, Function<S, String> shown, Function<S, String> full) {
        copyableCells(column, i18n, shown, full, Tables::toClipboard);
    }

    /** Puts text on the system clipboard. */
    public static void toClipboard(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** The same with another clipboard (tests). */
    /** The same, with a tooltip of its own (more than the copied value). */
    public static <S> void copyableCells(TableColumn<S, S> column, I18n i18n, Function<S, String> shown, Function<S, String> full,
                                         Function<S, String> tooltip) {
        copyableCells(column, i18n, shown, full, tooltip, Tables::toClipboard);
    }

    public static <S> void copyableCells(TableColumn<S, S> column, I18n i18n, Function<S, String> shown, Function<S, String> full,
                                         Consumer<String> clipboard) {
        copyableCells(column, i18n, shown, full, full, clipboard);
    }

    private static <S> void copyableCells(TableColumn<S, S> column, I18n i18n, Function<S, String> shown, Function<S, String> full,
                                          Function<S, String> tooltip, Consumer<String> clipboard) {
        // PF-21: a Tooltip and a ContextMenu made at every cell update cost the FX thread most of a table's first rows
        // (two columns of the VM table, ~20 visible rows, and again at each scroll); the cell now keeps the texts and
        // makes its tooltip when the pointer comes in and its menu when it is asked for.
        column.setCellFactory(c -> new TableCell<>() {
            private String tip;
            private String value;

            {
                addEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                    if (tip == null) {
                        setTooltip(null);
                        return;
                    }
                    if (getTooltip() == null) setTooltip(new Tooltip());
                    getTooltip().setText(tip);
                });
                addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
                    if (value == null) {
                        setContextMenu(null);
                        return;
                    }
                    String copied = value;
                    MenuItem copy = new MenuItem(i18n.get("ui.copy.id"));
                    copy.setOnAction(x -> clipboard.accept(copied));
                    setContextMenu(new ContextMenu(copy));
                });
            }

            @Override protected void updateItem(S row, boolean empty) {
                super.updateItem(row, empty);
                String v = empty || row == null ? null : full.apply(row);
                value = v == null || v.isEmpty() ? null : v;
                tip = value == null ? null : tooltip.apply(row);
                setText(empty || row == null ? null : shown.apply(row));
                if (getTooltip() != null) {
                    if (tip == null) setTooltip(null);
                    else getTooltip().setText(tip);
                }
            }
        });
        text(column, shown, 0);
    }

    /**
     * Keeps every column at least as wide as its header and its declared cell texts (first rows),
     * measured in the table's fonts, again whenever the rows or the language change.
     */
    public static <S> void fitToContent(TableView<S> table, I18n i18n) {
        // PF-20: JavaFX's own "No content in table" is English only; an empty table says it in the user's language.
        if (table.getPlaceholder() == null) {
            javafx.scene.control.Label empty = new javafx.scene.control.Label();
            empty.textProperty().bind(i18n.text("ui.table.empty"));
            empty.getStyleClass().add("text-muted");
            table.setPlaceholder(empty);
        }
        // Cells render their text when they update: a language switch must make them update (and re-measure).
        i18n.messagesProperty().addListener((o, a, b) -> {
            table.refresh();
            fitNow(table);
        });
        fitToContent(table);
    }

    /** The same without the language (its cells follow nothing but their rows). */
    public static <S> void fitToContent(TableView<S> table) {
        boolean[] queued = {false};
        Runnable fit = () -> {
            if (queued[0]) return;
            queued[0] = true;
            Platform.runLater(() -> {
                queued[0] = false;
                fitNow(table);
            });
        };
        // Rows added after the measured ones change no width (PF-21: 10,001 VMs came in chunks of 2,000, and each chunk
        // measured the same first 400 rows again, 2,400 texts on the FX thread).
        table.getItems().addListener((ListChangeListener<S>) c -> {
            while (c.next()) {
                if (!c.wasAdded() || c.wasRemoved() || c.wasPermutated() || c.wasUpdated() || c.getFrom() < MEASURED_ROWS) {
                    fit.run();
                    return;
                }
            }
        });
        table.itemsProperty().addListener((o, a, b) -> fit.run());
        table.skinProperty().addListener((o, a, b) -> fit.run());
        for (TableColumn<S, ?> c : table.getColumns()) {
            c.textProperty().addListener((Observable o) -> fit.run());
            c.visibleProperty().addListener((Observable o) -> fit.run());
        }
        table.widthProperty().addListener((Observable o) -> fit.run());
        fit.run();
    }

    /** Measures now (tests call it after a language switch to skip the queue). */
    @SuppressWarnings("unchecked")
    public static <S> void fitNow(TableView<S> table) {
        // Before its rows exist (a table not yet shown) the cells' font is unknown and the default one measures narrower
        // than the theme's (PF-20: "pfdemobatch…" at 1024x700): measure again once they are there, a few times at most.
        if (!table.getItems().isEmpty() && !(table.lookup(".table-row-cell .table-cell") instanceof Labeled)) {
            int tries = table.getProperties().get(RETRIES) instanceof Integer i ? i : 0;
            if (tries < 20) {
                table.getProperties().put(RETRIES, tries + 1);
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
                later.setOnFinished(e -> fitNow(table));
                later.play();
            }
        }
        Font cellFont = fontOf(table, ".table-row-cell .table-cell", Font.getDefault());
        Font headerFont = fontOf(table, ".column-header .label",
                Font.font(cellFont.getFamily(), FontWeight.BOLD, cellFont.getSize()));
        int rows = Math.min(MEASURED_ROWS, table.getItems().size());
        for (TableColumn<S, ?> c : table.getColumns()) {
            double w = width(c.getText(), headerFont) + HEADER_PADDING;
            Object f = c.getProperties().get(TEXT);
            if (f instanceof Function<?, ?> fn) {
                double extra = c.getProperties().get(EXTRA) instanceof Double d ? d : 0;
                for (int i = 0; i < rows; i++) {
                    String s = ((Function<S, String>) fn).apply(table.getItems().get(i));
                    // 3 % and 2 px more than measured: the first cell found may carry a smaller font than the others (a badge
                    // column), and a cell cut by a pixel shows "…" (PF-20's desktop check, 1280x800 Spanish).
                    w = Math.max(w, width(s, cellFont) * 1.03 + 2 + CELL_PADDING + extra);
                }
            }
            w = Math.ceil(w);
            c.setMinWidth(w);
            // As wide as its content, or as the user last made it; the resize policy shares out the rest.
            double user = c.getProperties().get(USER_WIDTH) instanceof Double d ? d : 0;
            c.setPrefWidth(Math.max(w, user));
        }
        // PF-20: when the columns' minimums do not fit (1024x700, Spanish), the constrained policy would cut the last
        // column's cells to "…": then the table scrolls sideways instead, and goes back to sharing once they fit.
        Object policy = table.getProperties().computeIfAbsent(POLICY, k -> table.getColumnResizePolicy());
        double sum = table.getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getMinWidth).sum();
        double room = table.getWidth() - 18; // a vertical scroll bar
        if (table.getWidth() > 0 && sum > room) {
            if (table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
                table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
                // The constrained policy left them squeezed; a column takes its preferred width again only when that
                // changes, so nudge it (measured: the accounts table at 1024x700 kept "pfdemobatch…" otherwise).
                for (TableColumn<S, ?> c : table.getColumns()) {
                    double p = c.getPrefWidth();
                    c.setPrefWidth(p + 1);
                    c.setPrefWidth(p);
                }
            }
        } else if (table.getWidth() > 0) {
            @SuppressWarnings({"unchecked", "rawtypes"}) javafx.util.Callback<TableView.ResizeFeatures, Boolean> original =
                    (javafx.util.Callback) policy;
            double widths = table.getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getWidth).sum();
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(original);
            } else if (widths > table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() + 1) {
                // The minimums fit, but the columns kept widths from before (another language's longer texts): a constrained
                // policy shares the width out again only when it is set, so set it anew (PF-20, Spanish pool sizes at 1280x800).
                table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
                table.setColumnResizePolicy(original);
            }
        }
        // Let the resize policy share the width out again with the new minimums.
        table.requestLayout();
    }

    private static Font fontOf(TableView<?> table, String selector, Font fallback) {
        Node n = table.lookup(selector);
        return n instanceof Labeled l && l.getFont() != null ? l.getFont() : fallback;
    }

    private static double width(String s, Font font) {
        if (s == null || s.isEmpty()) return 0;
        double max = 0;
        for (String line : s.split("\n")) {
            Text t = new Text(line);
            t.setFont(font);
            max = Math.max(max, t.getLayoutBounds().getWidth());
        }
        return max;
    }

    /**
     * Keeps room for the header and {@code rows} rows (PF-20): inside a scrolling step a table otherwise gets what is
     * left, down to its header alone; with a minimum the page scrolls instead and the rows stay visible. It also grows
     * into any height left over. The row height follows the font (and so the scale and theme).
     */
    public static void keepRows(TableView<?> table, int rows) {
        double em = Font.getDefault().getSize();
        // Measured with AtlantaFX at 13.33 px: header 40 px, rows 39-40 px; a horizontal scroll bar takes up to 16 px more.
        double header = Math.ceil(em * 3.1);
        double row = Math.ceil(em * 3.0);
        table.setMinHeight(header + rows * row + 18);
        table.setPrefHeight(Math.max(table.getPrefHeight(), table.getMinHeight()));
        javafx.scene.layout.VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    }

    /** A lower-case key for a table's settings ("VM table" → "vm-table"). */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
