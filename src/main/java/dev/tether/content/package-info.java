/**
 * The content catalog: what can be licensed, with its key, IV and token policy, the DRMs each title
 * is packaged for with their rights policy ({@link dev.tether.content.DrmRights}), and the
 * registration (dummy) content of the device-binding flow. A title refuses a change once retired
 * with a {@link dev.tether.content.ContentRefusal}; the catalog's audit events record what changed.
 */
package dev.tether.content;
