package io.poolforge.domain;

/** Whether the VM's OS uses the default temporary (resource) drive, as the Batch node agent expects. */
public enum TempDrive {
    /** The default temporary drive (D: on Windows, /mnt or /mnt/resource on Linux). */
    DEFAULT,
    /** The temporary drive was moved, re-lettered or disabled (for example the page file moved). */
    CUSTOMIZED,
    /** The VM size has no local temporary disk. */
    NONE,
    /** Not known; the rules give advice rather than an error. */
    UNKNOWN
}
