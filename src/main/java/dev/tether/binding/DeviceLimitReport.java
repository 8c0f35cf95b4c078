package dev.tether.binding;

import java.util.List;

/**
 * Users whose bound, unrevoked devices active in a range number at least {@code threshold} (the
 * device limit minus a margin), most devices first, at most {@code max}.
 */
public record DeviceLimitReport(int deviceLimit, int threshold, int max, List<UserDeviceCount> users) {

    /** How many devices a user has. */
    public record UserDeviceCount(String userId, long devices) {}
}
