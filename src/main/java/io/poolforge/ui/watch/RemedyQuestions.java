package io.poolforge.ui.watch;

import io.poolforge.domain.PoolInfo;
import io.poolforge.ui.I18n;
import io.poolforge.ui.Tables;

/**
 * The questions the watch and the inspector ask before a remedy that needs more than a resize. Each is asked under its
 * action's own label (the dialog's title is {@code Action.key()}) and says what that action does (PF-20: "Restore the
 * image" used to open the "Rebuild the image in a gallery" dialog). The image reads by its short name.
 */
public final class RemedyQuestions {
    private RemedyQuestions() {
    }

    /** What "Restore the image" does: the image made again at the same id from the run that made the pool, then a resize. */
    public static String restoreImage(I18n i18n, PoolInfo p) {
        return i18n.get("watch.confirm.restoreImage", p.id(), image(p));
    }

    /** What "Rebuild the image in a gallery" does: the wizard opens, to build a new gallery image from the VM. */
    public static String rebuildInGallery(I18n i18n, PoolInfo p) {
        return i18n.get("watch.confirm.rebuildImage", p.id(), image(p));
    }

    private static String image(PoolInfo p) {
        return p.customImageId() == null ? "" : Tables.shortName(p.customImageId());
    }
}
