package dev.convsim.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A webhook's form parameters: immutable, in insertion order, equal to any map with the same entries. */
class WebhookFormTest {

    @Test
    void keepsTheParametersInTheOrderGiven() {
        WebhookForm form = WebhookForm.of("EventType", "onMessageAdded", "Body", "hello", "Author", "+15551230001");

        assertThat(form.keySet()).containsExactly("EventType", "Body", "Author");
        assertThat(form.values()).containsExactly("onMessageAdded", "hello", "+15551230001");
        assertThat(form.get("Body")).isEqualTo("hello");
        assertThat(form.get("Media")).isNull();
        assertThat(form.containsKey("Author")).isTrue();
        assertThat(form).hasSize(3);
    }

    @Test
    void equalsAndPrintsLikeALinkedHashMapWithTheSameEntries() {
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("EventType", "onMessageAdded");
        linked.put("Body", "hello");

        WebhookForm form = WebhookForm.copyOf(linked);

        assertThat(form).isEqualTo(linked);
        assertThat(linked).isEqualTo(form);
        assertThat(form.hashCode()).isEqualTo(linked.hashCode());
        assertThat(form.toString()).isEqualTo(linked.toString());
    }

    @Test
    void cannotBeChanged() {
        WebhookForm form = WebhookForm.of("Body", "hello");

        assertThatThrownBy(() -> form.put("Body", "changed")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> form.remove("Body")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> form.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(form.get("Body")).isEqualTo("hello");
    }

    @Test
    void copiesTheArrayItIsGiven() {
        String[] namesAndValues = {"Body", "hello"};
        WebhookForm form = WebhookForm.of(namesAndValues);
        namesAndValues[1] = "changed";

        assertThat(form.get("Body")).isEqualTo("hello");
    }

    @Test
    void aPrefixOfAnArrayIsCopiedAndTheRestIgnored() {
        String[] buffer = {"Body", "hello", "Author", "+15551230001", "Stale", "left over"};
        WebhookForm form = WebhookForm.of(buffer, 4);
        buffer[1] = "changed";

        assertThat(form).containsExactly(Map.entry("Body", "hello"), Map.entry("Author", "+15551230001"));
        assertThat(WebhookForm.of(buffer, 0)).isEmpty();
        for (int bad : new int[] {3, -2, 8}) {
            assertThatThrownBy(() -> WebhookForm.of(buffer, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[" + bad + " of 6 strings] is not a list of names and values");
        }
    }

    @Test
    void copyingAFormReturnsItAndARequestAndItsRecordShareOne() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Body", "hello");
        WebhookRequest request = new WebhookRequest(Instant.EPOCH, Phase.POST, WebhookScope.GLOBAL,
                "https://hooks.example.com", "POST", "onMessageAdded", params, 0);
        params.put("Body", "changed afterwards");
        RecordedDelivery recorded = new RecordedDelivery(1, Instant.EPOCH, Phase.POST, WebhookScope.GLOBAL,
                "https://hooks.example.com", "POST", "onMessageAdded", request.params(), 0, 200, "", null);

        assertThat(request.param("Body")).isEqualTo("hello");
        assertThat(WebhookForm.copyOf(request.params())).isSameAs(request.params());
        assertThat(recorded.params()).isSameAs(request.params());
    }

    @Test
    void namesWithoutValuesAreRejectedNamingTheCount() {
        assertThatThrownBy(() -> WebhookForm.of("Body", "hello", "Author"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3 strings] is not a list of names and values");
    }
}
