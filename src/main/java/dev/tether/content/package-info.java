/**
 * The content catalog: what can be licensed, with its key, IV and token policy, and the registration (dummy) content of the device-binding flow.
 */
package dev.tether.content;
