package io.poolforge.azure;

/** One compute node of a pool. */
public record NodeInfo(String id, String state, boolean dedicated, String vmSize, String errorCode, String errorMessage) {
}
