package io.poolforge.run;

/** What a step creates, in the order of clean-up (what depends on others goes first). */
public enum StepKind {
    POOL, IMAGE_VERSION, IMAGE_DEFINITION, MANAGED_IMAGE, GALLERY, SNAPSHOT
}
