package io.poolforge.domain;

import java.util.Objects;

/** Marketplace purchase plan of a third-party image (VM {@code plan} / gallery image definition {@code purchasePlan}). */
public record PurchasePlan(String name, String publisher, String product) {
    public PurchasePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(product, "product");
    }

    /** Same plan, ignoring case. */
    public boolean matches(PurchasePlan o) {
        return o != null && name.equalsIgnoreCase(o.name) && publisher.equalsIgnoreCase(o.publisher)
                && product.equalsIgnoreCase(o.product);
    }

    public String display() { return publisher + ":" + product + ":" + name; }
}
