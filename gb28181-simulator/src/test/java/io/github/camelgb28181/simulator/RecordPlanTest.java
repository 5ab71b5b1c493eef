package io.github.camelgb28181.simulator;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordPlanTest {

    private static LocalDateTime t(int h, int m) {
        return LocalDateTime.of(2024, 5, 1, h, m);
    }

    @Test
    void filesAreAlignedFromMidnightAndClippedToTheRange() {
        List<RecordPlan.RecordFile> files = RecordPlan.files(t(10, 10), t(11, 45), 30);
        assertEquals(List.of(new RecordPlan.RecordFile(t(10, 10), t(10, 30)),
                new RecordPlan.RecordFile(t(10, 30), t(11, 0)),
                new RecordPlan.RecordFile(t(11, 0), t(11, 30)),
                new RecordPlan.RecordFile(t(11, 30), t(11, 45))), files);
    }

    @Test
    void emptyReversedMissingAndHugeRangesStayBounded() {
        assertTrue(RecordPlan.files(t(10, 0), t(10, 0), 30).isEmpty());
        assertTrue(RecordPlan.files(t(11, 0), t(10, 0), 30).isEmpty());
        assertTrue(RecordPlan.files(null, t(10, 0), 30).isEmpty());
        assertEquals(RecordPlan.MAX_RECORDS, RecordPlan.files(LocalDateTime.of(1970, 1, 1, 0, 0),
                LocalDateTime.of(2100, 1, 1, 0, 0), 1).size());
    }
}
