package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the token, URL and parameters, the official validator accepts what the simulator signs. */
class WebhookSignatureProperties {

    @Property(tries = 300)
    void theOfficialValidatorAcceptsEveryPostSignature(@ForAll("tokens") String token, @ForAll("urls") String url,
            @ForAll("params") Map<String, String> params) {
        String signature = new HttpDelivery(token, FidelityOptions.defaults(), java.util.Set.of()).sign(url, params);

        assertThat(new RequestValidator(token).validate(url, params, signature)).isTrue();
    }

    @Property(tries = 300)
    void theOfficialValidatorAcceptsEveryGetSignature(@ForAll("tokens") String token, @ForAll("urls") String url,
            @ForAll("params") Map<String, String> params) {
        String target = HttpDelivery.target(url, true, params);
        String signature = new HttpDelivery(token, FidelityOptions.defaults(), java.util.Set.of())
                .sign(target, Map.of());

        assertThat(new RequestValidator(token).validate(target, Map.of(), signature)).isTrue();
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> host = Arbitraries.of("127.0.0.1", "localhost", "svc.example.com");
        Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":8080", ":5001");
        Arbitrary<String> path = Arbitraries.strings().withChars("abcxyz/-_.").ofMaxLength(20).map(p -> "/" + p);
        Arbitrary<String> query = Arbitraries.of("", "?tenant=acme", "?a=1&b=2");
        return net.jqwik.api.Combinators.combine(Arbitraries.of("http", "https"), host, port, path, query)
                .as((scheme, h, p, pa, q) -> scheme + "://" + h + p + pa + q);
    }

    @Provide
    Arbitrary<Map<String, String>> params() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("EventType", "Body", "MessagingBinding.Address", "AccountSid", "Attributes", "Media"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.maps(names, values).ofMaxSize(8);
    }
}
