package io.poolforge.azure;

import java.util.List;

/** One page of a list, and the token for the next page (null on the last one). */
public record Page<T>(List<T> items, String continuationToken) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() { return continuationToken != null; }
}
