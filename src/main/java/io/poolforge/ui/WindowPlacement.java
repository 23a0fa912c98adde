package io.poolforge.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Where a window opens and how big it is, on a real desktop (PF-20): the first size fits the work area of the screen
 * it opens on (the screen without panels/docks, title bar included), the size, position and maximised state the user
 * left are used again when they still fit a screen, and the window has a minimum size so that nothing (a window
 * manager's configure, a dialog) shrinks it to a corner.
 *
 * <p>Why the size is set again after {@code show()}: under a window manager (openbox) JavaFX 21.0.11 opens a stage
 * whose size came from its scene at 200x200; sizes set once the window is mapped are honoured. JavaFX 25 opens it
 * fitted. Setting both before and after {@code show()} works on either (docs/DECISIONS.md, PF-20).
 * All geometry here is in JavaFX's logical pixels, so 200 % scale needs nothing more.
 */
public final class WindowPlacement {
    /** Under this a page cannot show a form and a table; also what a window never shrinks below (if the screen allows). */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;
    // A shown stage's x, y, width and height are its frame's, title bar and borders included (measured under openbox:
    // a 1276x770 stage has a 1274x745 client area), so fitting the stage's bounds into the work area fits the decorations.

    private final TableLayouts.Store store;
    private final String key;

    /**
     * @param store where the bounds are kept (the settings; null to remember nothing)
     * @param key   which window ("main", "watch")
     */
    public WindowPlacement(TableLayouts.Store store, String key) {
        this.store = store;
        this.key = "window." + key + ".";
    }

    /** The bounds a window gets: {@code saved} if it still fits a screen (moved into it), else {@code preferred} centred in the work area. */
    public static Rectangle2D bounds(Optional<Rectangle2D> saved, double preferredW, double preferredH, List<Rectangle2D> workAreas,
                                     Rectangle2D primary) {
        if (saved.isPresent()) {
            Rectangle2D s = saved.get();
            for (Rectangle2D area : workAreas) {
                // The saved window's title bar must be on this screen, else the window could not be grabbed.
                if (area.contains(s.getMinX() + Math.min(40, s.getWidth() / 2), s.getMinY() + 10)) return fitInto(s, area);
            }
        }
        double w = Math.min(preferredW, primary.getWidth());
        double h = Math.min(preferredH, primary.getHeight());
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h);
    }

    /** {@code r} moved (and if needed shrunk) so that it lies inside {@code area}, decorations included. */
    public static Rectangle2D fitInto(Rectangle2D r, Rectangle2D area) {
        double w = Math.min(r.getWidth(), area.getWidth());
        double h = Math.min(r.getHeight(), area.getHeight());
        double x = Math.max(area.getMinX(), Math.min(r.getMinX(), area.getMaxX() - w));
        double y = Math.max(area.getMinY(), Math.min(r.getMinY(), area.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    /** The work area of the screen that holds most of {@code r} (the primary screen if none). */
    public static Rectangle2D workAreaOf(Rectangle2D r) {
        List<Screen> screens = Screen.getScreensForRectangle(r);
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    /**
     * Places {@code stage} before it is shown, shows it, places it again (JavaFX 21 under a window manager) and
     * remembers its bounds from then on.
     */
    public void showPlaced(Stage stage, double preferredW, double preferredH) {
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        List<Rectangle2D> areas = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D b = bounds(saved(), preferredW, preferredH, areas, primary);
        Rectangle2D area = workAreaOf(b);
        stage.setMinWidth(Math.min(MIN_WIDTH, area.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, area.getHeight()));
        apply(stage, b);
        stage.show();
        apply(stage, b);
        boolean maximised = store != null && store.get(key + "maximized").map(Boolean::parseBoolean).orElse(false);
        // Once mapped: the window manager has had its say; set what we chose again (and maximise if the user had).
        Platform.runLater(() -> {
            apply(stage, b);
            if (maximised) stage.setMaximized(true);
            remember(stage);
            keepWhileDialogsShow(stage);
        });
    }

    /**
     * Dialogs and file choosers never resize their owner. Measured under openbox with JavaFX 21.0.11: showing a modal
     * dialog or a GTK file chooser un-maximises the owner (before the minimum size, down to about 200x200), without the
     * user doing anything. The user (un)maximises and resizes a focused window; a change that comes while the window
     * is not focused (a dialog has the focus) is undone.
     */
    static void keepWhileDialogsShow(Stage stage) {
        boolean[] maximised = {stage.isMaximized()};
        Rectangle2D[] bounds = {new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())};
        stage.maximizedProperty().addListener((o, was, now) -> {
            if (stage.isFocused() || stage.isIconified()) {
                maximised[0] = now;
            } else if (maximised[0] && !now) {
                Platform.runLater(() -> stage.setMaximized(true));
            }
        });
        javafx.beans.InvalidationListener sized = o -> {
            if (stage.isMaximized() || stage.isIconified()) return;
            if (stage.isFocused() || !stage.isShowing()) {
                bounds[0] = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            } else if (!maximised[0] && (stage.getWidth() < bounds[0].getWidth() - 1 || stage.getHeight() < bounds[0].getHeight() - 1)) {
                Rectangle2D b = bounds[0];
                Platform.runLater(() -> {
                    stage.setWidth(b.getWidth());
                    stage.setHeight(b.getHeight());
                });
            }
        };
        stage.widthProperty().addListener(sized);
        stage.heightProperty().addListener(sized);
        stage.xProperty().addListener(sized);
        stage.yProperty().addListener(sized);
    }

    /** Places a secondary window (the watch) over its owner, inside the owner's screen, and shows it. */
    public static void showOver(Stage stage, Stage owner, double preferredW, double preferredH) {
        Rectangle2D ownerBounds = owner == null ? Screen.getPrimary().getVisualBounds()
                : new Rectangle2D(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
        Rectangle2D area = workAreaOf(ownerBounds);
        double w = Math.min(preferredW, area.getWidth());
        double h = Math.min(preferredH, area.getHeight());
        Rectangle2D b = fitInto(new Rectangle2D(ownerBounds.getMinX() + (ownerBounds.getWidth() - w) / 2,
                ownerBounds.getMinY() + (ownerBounds.getHeight() - h) / 2, w, h), area);
        stage.setMinWidth(Math.min(640, w));
        stage.setMinHeight(Math.min(480, h));
        apply(stage, b);
        stage.show();
        apply(stage, b);
        Platform.runLater(() -> {
            apply(stage, b);
            keepWhileDialogsShow(stage);
        });
    }

    private static void apply(Stage stage, Rectangle2D b) {
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    private Optional<Rectangle2D> saved() {
        if (store == null) return Optional.empty();
        try {
            double x = Double.parseDouble(store.get(key + "x").orElse(""));
            double y = Double.parseDouble(store.get(key + "y").orElse(""));
            double w = Double.parseDouble(store.get(key + "width").orElse(""));
            double h = Double.parseDouble(store.get(key + "height").orElse(""));
            if (w < 200 || h < 200 || w > 20_000 || h > 20_000) return Optional.empty();
            return Optional.of(new Rectangle2D(x, y, w, h));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Saves the bounds half a second after the user stops moving or sizing (not while maximised or iconified). */
    private void remember(Stage stage) {
        if (store == null) return;
        PauseTransition later = new PauseTransition(Duration.millis(500));
        later.setOnFinished(e -> {
            store.put(key + "maximized", String.valueOf(stage.isMaximized()));
            if (stage.isMaximized() || stage.isIconified() || stage.getWidth() < 200 || stage.getHeight() < 200) return;
            store.put(key + "x", fmt(stage.getX()));
            store.put(key + "y", fmt(stage.getY()));
            store.put(key + "width", fmt(stage.getWidth()));
            store.put(key + "height", fmt(stage.getHeight()));
        });
        javafx.beans.InvalidationListener changed = o -> later.playFromStart();
        stage.xProperty().addListener(changed);
        stage.yProperty().addListener(changed);
        stage.widthProperty().addListener(changed);
        stage.heightProperty().addListener(changed);
        stage.maximizedProperty().addListener(changed);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
