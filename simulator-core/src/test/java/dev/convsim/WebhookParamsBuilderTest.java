package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.webhook.WebhookEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parameter builder: dates written as Instant.toString writes them, repeated names kept in place. */
class WebhookParamsBuilderTest {

    @Test
    void datesAreWrittenExactlyAsInstantToStringWritesThemToTheSecond() {
        Random random = new Random(20260101);
        long[] edges = {0, 59, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 1_767_225_599L,
            253_402_300_799L /* 9999-12-31T23:59:59 */, 253_402_300_800L /* year 10000 */, -1, -62_167_219_200L};
        for (long seconds : edges) {
            Instant instant = Instant.ofEpochSecond(seconds, 999_999_999);
            assertThat(WebhookParams.iso(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 300_000_000_000L, random.nextInt(1_000_000_000));
            assertThat(WebhookParams.iso(instant)).isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        assertThat(WebhookParams.iso(null)).isNull();
    }

    @Test
    void aRepeatedNameKeepsItsFirstPositionWithTheLastValue() {
        Map<String, String> params = WebhookParams.start("AC00000000000000000000000000000001",
                WebhookEvent.ON_MESSAGE_ADDED, "SMS")
                .put("Body", "first")
                .put("Author", "+15551230001")
                .put("Body", "second")
                .put("Media", (String) null)
                .build();

        assertThat(params.keySet()).containsExactly("AccountSid", "EventType", "Source", "RetryCount", "Body", "Author");
        assertThat(params.get("Body")).isEqualTo("second");
    }

    @Test
    void manyParametersGrowTheBuilderWithoutLosingAny() {
        WebhookParams params = WebhookParams.start("AC00000000000000000000000000000001",
                WebhookEvent.ON_MESSAGE_ADDED, "SMS");
        for (int i = 0; i < 40; i++) {
            params.put("Name" + i, "value " + i);
        }
        params.put("Name3", "changed");
        Map<String, String> built = params.build();

        assertThat(built).hasSize(44);
        assertThat(built.get("Name39")).isEqualTo("value 39");
        assertThat(built.get("Name3")).isEqualTo("changed");
        assertThat(built.keySet()).startsWith("AccountSid", "EventType", "Source", "RetryCount", "Name0");
    }
}
