package dev.convsim.scenario;

import static dev.convsim.scenario.ScenarioTraceTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readable trace: one line per trace line, steps flush left, what they caused indented. */
class PrettyTraceTest {

    @Test
    void aScenarioRendersOneReadableLinePerTraceLine() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ],
                    "globalWebhooks": { "preWebhookUrl": "https://svc.example.com/pre", "filters": ["onConversationAdd"] },
                    "defaults": { "inactiveTimer": "PT1M" },
                    "routing": { "mode": "pool", "workers": [ { "identity": "alice@example.com", "available": false } ] } },
                  "endpoints": { "https://svc.example.com/pre": [ { "status": 200, "body": { "friendly_name": "Ann" } } ] },
                  "steps": [
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" }, "note": "Ann writes",
                      "expect": { "outcome": "captured" } },
                    { "worker": { "identity": "alice@example.com", "available": true } },
                    { "advance": "PT2M" },
                    { "configure": { "phoneNumbers": [ { "number": "+15005550001" } ] } } ] }""");
        List<String> lines = r.pretty().lines().toList();
        assertThat(lines).hasSize(r.traceLines().size());
        assertThat(lines).containsExactly(
                "▶ step 0 receive +15551230001 → +15005550001 \"hi\" at 2026-01-01T00:00:00Z — Ann writes",
                "    webhook pre global onConversationAdd +15551230001 \"hi\" → POST https://svc.example.com/pre: 200"
                        + " {\"friendly_name\":\"Ann\"}",
                "    inbound → autocreated CH…01",
                "    event conversation added CH…01 (autocreated via address configuration IG…01)",
                "    event participant added MB…01 in CH…01 (+15551230001 → +15005550001)",
                "    event message added IM…01 in CH…01 (index 0)",
                "    routed CH…01 by pool: queued, no worker available",
                "    ⇒ autocreated CH…01, message IM…01: no non-closed conversation binds +15551230001 → +15005550001;"
                        + " address configuration IG…01 for +15005550001 has autocreation enabled; autocreated"
                        + " conversation CH…01 with participant MB…01 and message IM…01",
                "    ✗ expect.outcome: expected \"captured\", actual \"autocreated\"",
                "▶ step 1 worker alice@example.com becomes available at 2026-01-01T00:00:00Z",
                "    event worker updated alice@example.com (available)",
                "    event participant added MB…02 in CH…01 (identity alice@example.com)",
                "    routed CH…01 by pool to alice@example.com",
                "    ⇒ assigned [CH…01]",
                "▶ step 2 advance PT2M at 2026-01-01T00:00:00Z",
                "    state CH…01 active → inactive (TIMER) at 2026-01-01T00:01:00Z",
                "    ⇒ now 2026-01-01T00:02:00Z",
                "▶ step 3 configure phoneNumbers [+15005550001] at 2026-01-01T00:02:00Z",
                "    event phone number added +15005550001 (no SMS URL)",
                "    ⇒ applied");
    }

    @Test
    void aTimedOutWebhookAndAnUnknownLineTypeStillRenderOnOneLine() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(PrettyTrace.line(json.readTree("{\"seq\":3,\"type\":\"webhook\",\"phase\":\"post\",\"scope\":\"conversation\","
                + "\"url\":\"https://x.example.com\",\"method\":\"POST\",\"eventType\":\"onMessageAdded\","
                + "\"params\":{\"ConversationSid\":\"CH00000000000000000000000000000001\",\"Body\":\"b\"},\"status\":null,"
                + "\"attempt\":1}")))
                .isEqualTo("    webhook post conversation onMessageAdded CH…01 \"b\" retry 1 → POST https://x.example.com: timed out");
        assertThat(PrettyTrace.line(json.readTree("{\"seq\":9,\"type\":\"custom\",\"x\":1}")))
                .isEqualTo("{\"seq\":9,\"type\":\"custom\",\"x\":1}");
    }
}
