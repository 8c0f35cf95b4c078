package dev.tether.binding;

import dev.tether.security.UserId;
import jakarta.persistence.EntityExistsException;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link Bindings} over a map keyed by cookie, with the unique cookie the table has. */
public class InMemoryBindings extends Bindings {

    private final Map<Cookie, DeviceBinding> bindings = new LinkedHashMap<>();

    /** Stores a binding as if an earlier transaction had committed it. */
    public DeviceBinding given(DeviceBinding binding) {
        bindings.put(binding.cookie(), binding);
        return binding;
    }

    @Override
    public Optional<DeviceBinding> byCookie(Cookie cookie) {
        return Optional.ofNullable(bindings.get(cookie));
    }

    @Override
    public boolean exists(Cookie cookie) {
        return bindings.containsKey(cookie);
    }

    /**
     * What the bulk UPDATE does. The entity has no method for it (the status changes in the
     * database, for every cookie of the device at once), so the field is set as Hibernate would.
     */
    @Override
    public int endAll(UserId user, DeviceId device) {
        int ended = 0;
        for (DeviceBinding binding : bindings.values()) {
            if (binding.belongsTo(user)
                    && binding.deviceId().equals(Optional.of(device))
                    && binding.status() == BindingStatus.RESOLVED) {
                setStatus(binding, BindingStatus.ENDED);
                ended++;
            }
        }
        return ended;
    }

    @Override
    public void flush() {
        // Nothing is pending: every change is in the map already.
    }

    @Override
    public void add(DeviceBinding binding) {
        if (bindings.putIfAbsent(binding.cookie(), binding) != null) {
            throw new EntityExistsException("cookie " + binding.cookie() + " exists");
        }
    }

    private static void setStatus(DeviceBinding binding, BindingStatus status) {
        try {
            Field field = DeviceBinding.class.getDeclaredField("status");
            field.setAccessible(true);
            field.set(binding, status);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
