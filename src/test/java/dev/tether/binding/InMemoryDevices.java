package dev.tether.binding;

import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link Devices} over a list, for decisions that only need to find, count, add and touch devices. */
public class InMemoryDevices extends Devices {

    private final List<Device> devices = new ArrayList<>();
    private final List<Device> touched = new ArrayList<>();

    /** Stores a device as if an earlier transaction had committed it. */
    public Device given(Device device) {
        devices.add(device);
        return device;
    }

    @Override
    public Optional<Device> find(UserId user, DeviceId device) {
        return devices.stream()
                .filter(d -> d.belongsTo(user) && d.deviceId().equals(device))
                .findFirst();
    }

    @Override
    public List<Device> of(UserId user, boolean withRemoved) {
        return devices.stream()
                .filter(d -> d.belongsTo(user) && (withRemoved || d.status() != DeviceStatus.REMOVED))
                .sorted(Comparator.comparing(Device::lastSeenAt).reversed())
                .toList();
    }

    @Override
    public long countActive(UserId user) {
        return devices.stream().filter(d -> d.belongsTo(user) && d.isActive()).count();
    }

    @Override
    public void refresh(Device device) {
        // The list holds the committed state already.
    }

    @Override
    public void add(Device device) {
        if (find(device.user(), device.deviceId()).isPresent()) {
            throw new IllegalStateException("unique (user, device id) violated");
        }
        devices.add(device);
    }

    @Override
    public void touch(Device device, ContentId content, Instant now) {
        device.seen(content, now);
        touched.add(device);
    }

    /** The devices whose last-seen time was written with {@link #touch}. */
    public List<Device> touched() {
        return List.copyOf(touched);
    }
}
