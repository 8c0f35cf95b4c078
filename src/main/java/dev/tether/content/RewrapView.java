package dev.tether.content;

/** What a re-wrap did: how many keys moved to the active master key, and how many were there already. */
public record RewrapView(String activeMasterKey, int rewrapped, int alreadyCurrent) {}
