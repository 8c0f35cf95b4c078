/**
 * Device bindings and device policy: the cookie handed to a user, resolved once to the device id
 * ExpressPlay logged for it; the devices bound to each user; and the one home of the device
 * policy (the limit and its admission under the user's row lock, removal and its cooldown,
 * revocation, the near-limit report, and their configuration in {@link dev.tether.binding.BindingSettings}).
 * Its entities refuse what their state does not allow with a {@link dev.tether.binding.DeviceRefusal};
 * each use case ({@code MyDevices}, {@code DeviceAdministration}) opens its audit decision once it
 * knows the device, and {@link dev.tether.audit.RecordsRefusals} records a refusal from there on.
 */
package dev.tether.binding;
