package io.github.camelgb28181.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The record files a simulated channel "has": back-to-back files of a fixed length, aligned to the length from
 * midnight, as a recorder in continuous (time) recording mode would write them. A RecordInfo query (GB/T 28181-2016
 * A.2.4.5) gets the files that overlap its range, clipped to it.
 */
final class RecordPlan {

    /** No more files than this in one answer; a real NVR caps the list too. */
    static final int MAX_RECORDS = 5000;

    /** One record file. */
    record RecordFile(LocalDateTime start, LocalDateTime end) {
    }

    private RecordPlan() {
    }

    static List<RecordFile> files(LocalDateTime from, LocalDateTime to, int minutes) {
        List<RecordFile> out = new ArrayList<>();
        if (from == null || to == null || !to.isAfter(from)) {
            return out;
        }
        Duration length = Duration.ofMinutes(minutes);
        LocalDateTime midnight = from.toLocalDate().atTime(LocalTime.MIDNIGHT);
        long slots = Duration.between(midnight, from).toMinutes() / minutes;
        LocalDateTime start = midnight.plus(length.multipliedBy(slots));
        while (start.isBefore(to) && out.size() < MAX_RECORDS) {
            LocalDateTime end = start.plus(length);
            out.add(new RecordFile(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
            start = end;
        }
        return out;
    }
}
