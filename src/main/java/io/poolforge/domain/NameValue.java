package io.poolforge.domain;

/** A name/value pair of a Batch error's {@code values} (for example "Reason", "Message", "ProviderErrorJson"). */
public record NameValue(String name, String value) {
}
