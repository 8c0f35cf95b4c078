/**
 * Concurrent stream limits: a lease for every stream Tether licenses (a granted time-based or
 * device-bound token), renewed by the player's heartbeats and running only while
 * {@code now < renewed + interval × grace}, so that any number of instances agree without a
 * scheduler; the stream policy (a default from {@link dev.tether.streams.StreamSettings}, admins'
 * overrides per user and per SSO group, the most generous winning; {@code block-new} or
 * {@code stop-oldest}); admission under the user's device-policy row lock, the lock device limits
 * take; and the lease API for players, subscribers and admins. The entitlement flow calls
 * {@link dev.tether.streams.Streams#start} once its own checks pass; binding announces revoked
 * devices and resets with {@link dev.tether.binding.DevicesEnded}, which ends their leases here.
 */
package dev.tether.streams;
