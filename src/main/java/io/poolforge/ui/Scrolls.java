package io.poolforge.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** ScrollPanes whose content changes while shown (PF-21). */
public final class Scrolls {
    private Scrolls() {
    }

    /**
     * Turns off the bitmap cache JavaFX's ScrollPane skin puts on its viewport ({@code ScrollPaneSkin} calls
     * {@code viewRect.setCache(true)}, JavaFX 21). With it, any change inside the pane (a row added to a table, a busy
     * mark's turn, a label's text) renders the whole viewport into the cache and then draws the cache: while 10,001 VMs
     * were listed, ~88 % of Prism's render thread was {@code CacheFilter.renderNodeToCache} of the wizard's step
     * (docs/BENCHMARKS.md, PF-21 fourth pass). The cache pays off only when static content is scrolled; PoolForge's
     * pages change far more often than they are scrolled. {@code -Dpoolforge.scrollCache=true} keeps JavaFX's default.
     */
    public static ScrollPane uncached(ScrollPane pane) {
        if (Boolean.getBoolean("poolforge.scrollCache")) return pane;
        pane.skinProperty().addListener((o, was, now) -> uncacheViewport(pane));
        uncacheViewport(pane);
        return pane;
    }

    private static void uncacheViewport(ScrollPane pane) {
        if (pane.getSkin() == null) return;
        Node viewport = pane.lookup(".viewport"); // the skin's viewRect: the first match, before the content's own
        if (viewport != null && viewport.getParent() == pane) viewport.setCache(false);
    }

    /** Whether the pane's viewport is drawn through a cache (tests). */
    public static boolean viewportCached(ScrollPane pane) {
        Node viewport = pane.lookup(".viewport");
        return viewport != null && viewport.isCache();
    }
}
