package dev.convsim.rest;

import static dev.convsim.rest.RestConversationsTest.BASE;
import static dev.convsim.rest.RestConversationsTest.CH1;
import static dev.convsim.rest.RestConversationsTest.sids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Paths, methods, paging and the error mapping of the dispatcher. */
class RestRoutingTest {

    final Rest rest = new Rest();

    // ------------------------------------------------------------------ unknown paths and methods

    @Test
    void anUnknownPathIs20404NamingThePath() {
        Rest.Reply r = rest.get("/v1/Calls?PageSize=5");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"code\":20404,\"message\":\"The requested resource /v1/Calls was not found\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}");
    }

    @Test
    void pathsOutsideV1OrTooDeepAre20404() {
        rest.conversation();

        assertThat(rest.get("/v2/Conversations").code()).isEqualTo(20404);
        assertThat(rest.get("/Conversations").code()).isEqualTo(20404);
        assertThat(rest.get("/v1").code()).isEqualTo(20404);
        assertThat(rest.get("/v1/Conversations/" + CH1 + "/Receipts").code()).isEqualTo(20404);
        assertThat(rest.get("/v1/Conversations/" + CH1 + "/Messages/IM1/Receipts").code()).isEqualTo(20404);
        assertThat(rest.get("/v1/Configuration/Nothing").code()).isEqualTo(20404);
        assertThat(rest.get("/v1/Services/IS00000000000000000000000000000001/Users").code()).isEqualTo(20404);
    }

    @Test
    void aMethodThePathDoesNotTakeIs405With20004() {
        Rest.Reply r = rest.delete("/v1/Configuration");

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.body()).isEqualTo("{\"code\":20004,\"message\":\"Method not allowed: DELETE /v1/Configuration "
                + "takes GET, POST\",\"more_info\":\"https://www.twilio.com/docs/errors/20004\",\"status\":405}");
    }

    @Test
    void everyKnownPathAnswers405ToAMethodItDoesNotTake() {
        rest.conversation();
        String conversation = "/v1/Conversations/" + CH1;
        String service = "/v1/Services/IS00000000000000000000000000000001";
        Map<String, String> wrongMethodByPath = Map.ofEntries(
                Map.entry("/v1/Conversations", "DELETE"),
                Map.entry(conversation, "PUT"),
                Map.entry(conversation + "/Participants", "DELETE"),
                Map.entry(conversation + "/Participants/MB1", "PATCH"),
                Map.entry(conversation + "/Messages", "DELETE"),
                Map.entry(conversation + "/Messages/IM1", "PUT"),
                Map.entry(conversation + "/Webhooks", "DELETE"),
                Map.entry(conversation + "/Webhooks/WH1", "PUT"),
                Map.entry("/v1/Configuration/Webhooks", "DELETE"),
                Map.entry("/v1/Configuration/Addresses", "DELETE"),
                Map.entry("/v1/Configuration/Addresses/IG1", "PUT"),
                Map.entry("/v1/Services", "DELETE"),
                Map.entry(service, "POST"),
                Map.entry(service + "/Configuration/Webhooks", "DELETE"),
                Map.entry(service + "/Conversations", "DELETE"),
                Map.entry(service + "/ParticipantConversations", "POST"),
                Map.entry("/v1/ParticipantConversations", "POST"));

        wrongMethodByPath.forEach((path, method) -> {
            Rest.Reply r = rest.call(method, path, Map.of(), Map.of());
            assertThat(r.status()).as(method + " " + path).isEqualTo(405);
            assertThat(r.code()).as(method + " " + path).isEqualTo(20004);
        });
        assertThat(rest.sim.api().listConversations()).hasSize(1);
    }

    @Test
    void methodNamesAreCaseInsensitive() {
        assertThat(rest.call("post", "/v1/Conversations", Map.of(), Map.of()).status()).isEqualTo(201);
        assertThat(rest.call("get", "/v1/Conversations/" + CH1, Map.of(), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aFullTwilioUrlWorksInPlaceOfThePath() {
        rest.conversation();

        Rest.Reply r = rest.get(BASE + "/Conversations/" + CH1);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("sid")).isEqualTo(CH1);
    }

    @Test
    void percentEncodedSegmentsAreDecodedPlusStaysAPlusAndPageUrlsReEncode() {
        rest.conversation("UniqueName", "order 7/b+c");

        assertThat(rest.get("/v1/Conversations/order%207%2Fb+c").text("sid")).isEqualTo(CH1);
        assertThat(rest.get("/v1/Conversations/order%207%2Fb+c/Messages").json().get("meta").get("url").asText())
                .isEqualTo(BASE + "/Conversations/order%207%2Fb+c/Messages?PageSize=50&Page=0");
    }

    // ------------------------------------------------------------------ error mapping

    @Test
    void anIllegalArgumentBecomes400With20001AndItsMessage() {
        Rest.Reply r = rest.get("/v1/Conversations?State=%zz");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"code\":20001,\"message\":\"[%zz] is not form-encoded: escape % as %25\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20001\",\"status\":400}");
    }

    @Test
    void anUnexpectedFailureBecomes500With20500AndNeverEscapes() {
        Map<String, List<String>> broken = new AbstractMap<>() {
            @Override
            public Set<Entry<String, List<String>>> entrySet() {
                throw new IllegalStateException("broken map");
            }
        };

        RestResponse r = rest.dispatcher.handle("POST", "/v1/Conversations", broken, Map.of());

        assertThat(r.status()).isEqualTo(500);
        JsonNode error = new Rest.Reply(r.status(), r.body()).json();
        assertThat(error.get("code").asInt()).isEqualTo(20500);
        assertThat(error.get("message").asText()).isEqualTo("Internal Server Error: convsim failed on POST "
                + "/v1/Conversations: java.lang.IllegalStateException: broken map");
        assertThat(rest.sim.api().listConversations()).isEmpty();
    }

    @Test
    void nullArgumentsGetAnErrorAnswerNotAnException() {
        assertThatCode(() -> {
            RestResponse nothing = rest.dispatcher.handle(null, null, null, null);
            assertThat(nothing.status()).isEqualTo(404);
            RestResponse noMethod = rest.dispatcher.handle(null, "/v1/Conversations", null, null);
            assertThat(noMethod.status()).isEqualTo(405);
        }).doesNotThrowAnyException();
    }

    @Test
    void nullParameterNamesAndValuesAreTolerated() {
        Map<String, List<String>> params = new java.util.HashMap<>();
        params.put(null, List.of("x"));
        params.put("FriendlyName", java.util.Arrays.asList((String) null));
        params.put("Attributes", null);

        RestResponse r = rest.dispatcher.handle("POST", "/v1/Conversations", params, null);

        assertThat(r.status()).isEqualTo(201);
        assertThat(rest.sim.api().fetchConversation(CH1).friendlyName()).isEmpty();
    }

    // ------------------------------------------------------------------ paging

    @Test
    void listPagesCarryTheCompleteMetaObject() {
        rest.conversation();

        JsonNode meta = rest.get("/v1/Conversations").json().get("meta");

        assertThat(meta.toString()).isEqualTo("{\"page\":0,\"page_size\":50,"
                + "\"first_page_url\":\"" + BASE + "/Conversations?PageSize=50&Page=0\",\"previous_page_url\":null,"
                + "\"url\":\"" + BASE + "/Conversations?PageSize=50&Page=0\",\"next_page_url\":null,"
                + "\"key\":\"conversations\"}");
    }

    @Test
    void pagesLinkToEachOtherAndTheNextUrlFetchesTheNextPage() {
        for (int i = 0; i < 5; i++) {
            rest.conversation();
        }

        Rest.Reply first = rest.get("/v1/Conversations?PageSize=2");
        JsonNode meta = first.json().get("meta");
        assertThat(sids(first, "conversations")).containsExactly(CH1, "CH00000000000000000000000000000002");
        assertThat(meta.get("previous_page_url").isNull()).isTrue();
        assertThat(meta.get("next_page_url").asText()).isEqualTo(BASE + "/Conversations?PageSize=2&Page=1");

        Rest.Reply second = rest.get(meta.get("next_page_url").asText());
        assertThat(sids(second, "conversations")).containsExactly("CH00000000000000000000000000000003",
                "CH00000000000000000000000000000004");
        assertThat(second.json().get("meta").get("page").asInt()).isEqualTo(1);
        assertThat(second.json().get("meta").get("previous_page_url").asText())
                .isEqualTo(BASE + "/Conversations?PageSize=2&Page=0");

        Rest.Reply last = rest.get(second.json().get("meta").get("next_page_url").asText());
        assertThat(sids(last, "conversations")).containsExactly("CH00000000000000000000000000000005");
        assertThat(last.json().get("meta").get("next_page_url").isNull()).isTrue();
        assertThat(last.json().get("meta").get("first_page_url").asText())
                .isEqualTo(BASE + "/Conversations?PageSize=2&Page=0");
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithNoNextPage() {
        rest.conversation();

        Rest.Reply r = rest.get("/v1/Conversations?Page=3");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("conversations")).isEmpty();
        assertThat(r.json().get("meta").get("next_page_url").isNull()).isTrue();
        assertThat(r.json().get("meta").get("previous_page_url").asText())
                .isEqualTo(BASE + "/Conversations?PageSize=50&Page=2");
    }

    @Test
    void pageParametersMayComeAsFormParametersToo() {
        rest.conversation();
        rest.conversation();

        Rest.Reply r = rest.call("GET", "/v1/Conversations", Rest.form("PageSize", "1", "Page", "1"), Map.of());

        assertThat(sids(r, "conversations")).containsExactly("CH00000000000000000000000000000002");
    }

    @Test
    void pageSizeAboveTheResourcesMaximumIs20001() {
        Rest.Reply conversations = rest.get("/v1/Conversations?PageSize=101");
        Rest.Reply addresses = rest.get("/v1/Configuration/Addresses?PageSize=51");

        assertThat(conversations.status()).isEqualTo(400);
        assertThat(conversations.body()).isEqualTo("{\"code\":20001,\"message\":\"PageSize [101] is out of range: "
                + "expected 1 to 100\",\"more_info\":\"https://www.twilio.com/docs/errors/20001\",\"status\":400}");
        assertThat(addresses.message()).isEqualTo("PageSize [51] is out of range: expected 1 to 50");
        assertThat(rest.get("/v1/Conversations?PageSize=100").status()).isEqualTo(200);
    }

    @Test
    void pageSizeAndPageMustBeWholeNumbersInRange() {
        assertThat(rest.get("/v1/Conversations?PageSize=0").message())
                .isEqualTo("PageSize [0] is out of range: expected 1 to 100");
        assertThat(rest.get("/v1/Conversations?PageSize=ten").message())
                .isEqualTo("PageSize [ten] is not an integer: expected a whole number from 1 to 100");
        assertThat(rest.get("/v1/Conversations?Page=-1").message())
                .isEqualTo("Page [-1] is out of range: expected at least 0");
    }

    @Test
    void defaultPageSizesFollowTwiliosApi() {
        rest.conversation();

        assertThat(pageSize("/v1/Conversations")).isEqualTo(50);
        assertThat(pageSize("/v1/Conversations/" + CH1 + "/Participants")).isEqualTo(50);
        assertThat(pageSize("/v1/Conversations/" + CH1 + "/Messages")).isEqualTo(50);
        assertThat(pageSize("/v1/Conversations/" + CH1 + "/Webhooks")).isEqualTo(5);
        assertThat(pageSize("/v1/Configuration/Addresses")).isEqualTo(50);
        assertThat(pageSize("/v1/Services")).isEqualTo(50);
        assertThat(pageSize("/v1/ParticipantConversations?Identity=alice")).isEqualTo(50);
        assertThat(rest.get("/v1/Conversations/" + CH1 + "/Webhooks?PageSize=6").message())
                .isEqualTo("PageSize [6] is out of range: expected 1 to 5");
    }

    @Test
    void listKeysAreTwiliosRecordKeys() {
        rest.conversation();

        assertThat(key("/v1/Conversations")).isEqualTo("conversations");
        assertThat(key("/v1/Conversations/" + CH1 + "/Participants")).isEqualTo("participants");
        assertThat(key("/v1/Conversations/" + CH1 + "/Messages")).isEqualTo("messages");
        assertThat(key("/v1/Conversations/" + CH1 + "/Webhooks")).isEqualTo("webhooks");
        assertThat(key("/v1/Configuration/Addresses")).isEqualTo("address_configurations");
        assertThat(key("/v1/Services")).isEqualTo("services");
        assertThat(key("/v1/ParticipantConversations?Identity=alice")).isEqualTo("conversations");
    }

    private int pageSize(String path) {
        return rest.get(path).json().get("meta").get("page_size").asInt();
    }

    private String key(String path) {
        JsonNode page = rest.get(path).json();
        String key = page.get("meta").get("key").asText();
        assertThat(page.get(key).isArray()).as(path).isTrue();
        return key;
    }
}
