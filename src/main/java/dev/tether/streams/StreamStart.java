package dev.tether.streams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stream admission's answer: a lease (empty for an exempt title), or a refusal over the limit
 * with the streams that run and when the oldest would expire unless renewed.
 */
public record StreamStart(
        Optional<LeaseGrant> lease, boolean refused, int limit, List<StreamView> running, Instant oldestExpiry) {

    static StreamStart exempt() {
        return new StreamStart(Optional.empty(), false, 0, List.of(), null);
    }

    static StreamStart started(LeaseGrant lease, int limit) {
        return new StreamStart(Optional.of(lease), false, limit, List.of(), null);
    }

    static StreamStart overLimit(int limit, List<StreamView> running) {
        Instant oldest = running.stream()
                .map(StreamView::expiresAt)
                .min(Instant::compareTo)
                .orElse(null);
        return new StreamStart(Optional.empty(), true, limit, List.copyOf(running), oldest);
    }

    /** The refusal's text for the person who asked: how many run, which, and when the first would lapse. */
    public String refusalText() {
        StringBuilder text = new StringBuilder();
        text.append(running.size())
                .append(running.size() == 1 ? " stream is" : " streams are")
                .append(" playing on your account, and your plan allows ")
                .append(limit)
                .append(" at once");
        if (!running.isEmpty()) {
            text.append(": ");
            for (int i = 0; i < running.size(); i++) {
                StreamView s = running.get(i);
                text.append(i == 0 ? "" : "; ").append(s.contentId());
                String device = s.deviceLabel() != null ? s.deviceLabel() : s.deviceId();
                if (device != null) {
                    text.append(" on ").append(device);
                }
                text.append(" since ").append(s.startedAt());
            }
            text.append(". The oldest lease expires at ").append(oldestExpiry).append(" unless its player renews it");
        }
        return text.append('.').toString();
    }
}
