/**
 * Device bindings (the cookie handed to a user, resolved once to the device id ExpressPlay logged for it) and the devices bound to each user.
 */
package dev.tether.binding;
