package dev.tether.platform;

import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Supplier;

/**
 * A normal-scoped bean for a class CDI does not inject (a JAX-RS filter or exception mapper),
 * looked up on first use and kept: what the lookup returns is the bean's client proxy, valid for
 * the application's life, and on WildFly {@code CDI.current()} walks the caller's stack to find
 * its bean manager each time it is asked (issue 22's fifth pass). Not for dependent beans, whose
 * instances a lookup creates and nobody destroys.
 */
public final class LookedUpOnce<T> implements Supplier<T> {

    private final Class<T> type;

    private volatile T bean;

    public LookedUpOnce(Class<T> type) {
        this.type = type;
    }

    @Override
    public T get() {
        T found = bean;
        if (found == null) {
            found = CDI.current().select(type).get();
            bean = found;
        }
        return found;
    }
}
