/**
 * The two-person reset of all of a user's devices: the request an admin makes, the decision a
 * second admin takes before it expires, its repository, its API and its refusals
 * ({@link dev.tether.binding.reset.ResetRefusal}). Separate from {@code binding} because it is a
 * workflow of its own (two actors, a lifetime, its own table) built on the device policy: it uses
 * {@code binding}'s devices, bindings and policy lock, and {@code binding} knows nothing of it.
 */
package dev.tether.binding.reset;
