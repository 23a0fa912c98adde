package io.poolforge.domain;

import java.util.Locale;

/** Batch account pool allocation mode. In USER_SUBSCRIPTION mode core quotas are the subscription's regional quotas. */
public enum PoolAllocationMode {
    BATCH_SERVICE, USER_SUBSCRIPTION;

    public static PoolAllocationMode parse(String s) {
        if (s == null || s.isBlank()) return BATCH_SERVICE;
        return s.trim().toUpperCase(Locale.ROOT).startsWith("USER") ? USER_SUBSCRIPTION : BATCH_SERVICE;
    }
}
