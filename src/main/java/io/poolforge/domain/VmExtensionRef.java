package io.poolforge.domain;

import java.util.Objects;

/** An extension installed on a VM (for example CustomScriptExtension, Microsoft.Compute). */
public record VmExtensionRef(String name, String publisher, String type) {
    public VmExtensionRef {
        Objects.requireNonNull(name, "name");
    }
}
