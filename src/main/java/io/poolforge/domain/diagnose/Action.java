package io.poolforge.domain.diagnose;

/** What PoolForge can do (or guide the user to do) about a diagnosed resize failure. */
public enum Action {
    RESIZE_AGAIN("diagnose.action.resizeAgain"),
    RESIZE_IN_STEPS("diagnose.action.resizeInSteps"),
    STOP_RESIZE("diagnose.action.stopResize"),
    RAISE_TIMEOUT("diagnose.action.raiseTimeout"),
    OPEN_QUOTA_REQUEST("diagnose.action.openQuotaRequest"),
    RESTORE_IMAGE("diagnose.action.restoreImage"),
    REBUILD_IN_GALLERY("diagnose.action.rebuildInGallery"),
    RECREATE_POOL("diagnose.action.recreatePool"),
    REMOVE_LOCK("diagnose.action.removeLock"),
    GRANT_ACCESS("diagnose.action.grantAccess"),
    WAIT("diagnose.action.wait"),
    CONTACT_SUPPORT("diagnose.action.contactSupport");

    private final String key;

    Action(String key) { this.key = key; }

    /** The button / menu label key. */
    public String key() { return key; }

    /** True for an action that destroys what exists (the pool and its nodes): offered only for a CONFIRMED cause. */
    public boolean destructive() { return this == RECREATE_POOL; }
}
