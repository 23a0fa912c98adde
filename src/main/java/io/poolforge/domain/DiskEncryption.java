package io.poolforge.domain;

/**
 * How a VM's OS disk is encrypted. Server-side encryption with platform-managed keys is always on
 * and harmless; Azure Disk Encryption (BitLocker / dm-crypt inside the guest) makes a disk that a
 * Batch image cannot use; customer-managed keys need the disk encryption set to follow the image.
 */
public enum DiskEncryption {
    /** Nothing beyond the default server-side encryption with platform-managed keys. */
    PLATFORM_KEY,
    /** Server-side encryption with customer-managed keys (a disk encryption set). */
    CUSTOMER_KEY,
    /** Azure Disk Encryption (BitLocker/dm-crypt in the guest, via the ADE extension). */
    AZURE_DISK_ENCRYPTION,
    /** Confidential VM OS disk encryption. */
    CONFIDENTIAL,
    /** Not known (not readable with the caller's permissions). */
    UNKNOWN
}
