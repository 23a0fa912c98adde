package io.poolforge.domain;

/** A management lock (CanNotDelete or ReadOnly) and the scope it sits on. */
public record ResourceLock(String name, String level, String scope) {
}
