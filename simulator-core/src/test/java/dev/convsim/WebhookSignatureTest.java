package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against the official SDK's test vectors (reference real-clients.md §3.1) and the demo cross-check (§1.1). */
class WebhookSignatureTest {

    private static final String SDK_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> SDK_PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");

    private static HttpDelivery signer(String token) {
        return new HttpDelivery(token, FidelityOptions.defaults(), java.util.Set.of());
    }

    @Test
    void signsTheSdkTestVector() {
        assertThat(signer("12345").sign(SDK_URL, SDK_PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void signsTheSdkVectorWithoutParametersOverTheUrlAlone() {
        assertThat(signer("12345").sign(SDK_URL, Map.of())).isEqualTo("zYQTYrRWXE7LtzbG4PfP7/bkkGo=");
    }

    @Test
    void signsTheSdkVectorWithoutQuery() {
        assertThat(signer("12345").sign("https://mycompany.com/myapp.php", SDK_PARAMS))
                .isEqualTo("1xaxFBvyzXYvWplzNOSs28HWO94=");
    }

    @Test
    void signsTheFrontlineDemoCrossCheckThatJavaPythonAndNodeAgreeOn() {
        Map<String, String> params = Map.of("EventType", "onConversationAdd",
                "MessagingBinding.Address", "+15555550100", "MessagingBinding.ProxyAddress", "+15555550199",
                "ChatServiceSid", "IS" + "4".repeat(32), "AccountSid", "AC" + "0".repeat(32));

        assertThat(signer("authtoken").sign("http://127.0.0.1:8080/callbacks/conversations", params))
                .isEqualTo("33kTLsydQn5np7CI0uS7LWl4A1U=");
    }

    @Test
    void theOfficialValidatorAcceptsASignatureOverAUrlWithAnExplicitPort() {
        String url = "http://127.0.0.1:8080/callbacks/conversations";
        String signature = signer("12345").sign(url, SDK_PARAMS);

        assertThat(new RequestValidator("12345").validate(url, SDK_PARAMS, signature)).isTrue();
        assertThat(new RequestValidator("54321").validate(url, SDK_PARAMS, signature)).isFalse();
    }

    @Test
    void aNullValueIsSignedAsEmptyLikeTheValidatorDoes() {
        java.util.HashMap<String, String> withNull = new java.util.HashMap<>(SDK_PARAMS);
        withNull.put("Body", null);

        assertThat(signer("12345").sign(SDK_URL, withNull))
                .isEqualTo(signer("12345").sign(SDK_URL, Map.of("Body", "", "Digits", "1234",
                        "CallSid", "CA1234567890ABCDE", "To", "+18005551212", "Caller", "+14158675309",
                        "From", "+14158675309")));
        assertThat(new RequestValidator("12345").validate(SDK_URL, withNull, signer("12345").sign(SDK_URL, withNull)))
                .isTrue();
    }
}
