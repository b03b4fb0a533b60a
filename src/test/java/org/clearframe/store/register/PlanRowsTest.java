package org.clearframe.store.register;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The register keeps ids and bucket numbers it was given earlier: the faster code paths must give the very same values. */
class PlanRowsTest {

    @Test
    void flagIdsAreTheNameUuidsEarlierPublishesWrote() {
        Random random = new Random(16);
        for (int i = 0; i < 2_000; i++) {
            byte[] name = ("clearframe-flag:" + new UUID(random.nextLong(), random.nextLong()) + ":" + i).getBytes(StandardCharsets.UTF_8);
            assertEquals(UUID.nameUUIDFromBytes(name), PlanRows.nameUuid(name));
        }
    }

    @Test
    void rowHashIsTheFirstHalfOfTheSha256OfItsValues() {
        PlanRows.Row row = PlanRows.Row.of(UUID.randomUUID(), 3, "12A", new String[]{"VFX", "SOUND"}, null);
        assertEquals(org.clearframe.Sha256.hex("3\u001f12A\u001f[VFX, SOUND]\u001fnull\u001f".getBytes(StandardCharsets.UTF_8)).substring(0, 32), row.hash());
    }

    @Test
    void bucketIsTheIdsLastByteAsPostgresReadsItFromTheText() {
        Random random = new Random(64);
        for (int i = 0; i < 2_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            String text = id.toString();
            int lastByte = Integer.parseInt(text.substring(text.length() - 2), 16);
            assertEquals(lastByte & (PlanRows.BUCKETS - 1), PlanRows.Row.of(id).bucket());
        }
    }
}
