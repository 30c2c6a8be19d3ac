package dev.convsim.examples.http;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.routing.Routers;
import java.util.List;
import java.util.Random;

/**
 * Drives the Frontline demo service over real HTTP: a customer texts the Twilio number, the simulator autocreates a
 * conversation, asks the service to name it (signed {@code onConversationAdd}), tells it about the customer
 * ({@code onParticipantAdded}) and asks it to route the conversation ({@code onConversationRoute}); the service
 * answers and calls the API back. Prints the outcome and the journal.
 *
 * <pre>{@code
 * java -cp convsim.jar dev.convsim.examples.http.FrontlineOverHttpExample
 * }</pre>
 */
public final class FrontlineOverHttpExample {

    private FrontlineOverHttpExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) throws Exception {
        String accountSid = "AC" + "0123456789abcdef".repeat(2);
        String authToken = "example-auth-token";
        CustomerDirectory crm = new CustomerDirectory()
                .customer(new Customer("42", "Ada Lovelace", "https://example.com/ada.png", "john@example.com",
                        List.of("+15551230001")))
                .mapWorker("+15551230001", "john@example.com");
        try (FrontlineDemoService service = FrontlineDemoService.start(authToken, crm, new Random(42))) {
            ConversationsSimulator sim = ConversationsSimulator.builder()
                    .account(accountSid, authToken)
                    .autocreate("+15005550001")
                    .globalWebhooks(new WebhookConfigurationRequest()
                            .preWebhookUrl(service.url("/callbacks/conversations"))
                            .postWebhookUrl(service.url("/callbacks/conversations"))
                            .filters("onConversationAdd", "onParticipantAdded"))
                    .router(Routers.custom(service.url("/callbacks/routing")))
                    .build();
            service.connect(sim.api());

            InboundOutcome outcome = sim.receive("+15551230001", "+15005550001", "Hi, is my order ready?");

            System.out.println(outcome.explanation());
            System.out.println(sim.api().fetchConversation(outcome.conversationSid()));
            sim.api().listParticipants(outcome.conversationSid()).forEach(System.out::println);
            System.out.print(sim.journalText());
        }
    }
}
