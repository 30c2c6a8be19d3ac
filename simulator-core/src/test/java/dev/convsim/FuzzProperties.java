package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ApiRequest;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ConversationWebhookRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMedia;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Address;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationService;
import dev.convsim.model.Participant;
import dev.convsim.webhook.ConversationWebhook;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input for every public entry point that takes text: addresses, bodies, inbound messages and media, and
 * the form parameters and path arguments of every {@code api()} call. Each either works or fails with a documented
 * error ({@link IllegalArgumentException} or {@link TwilioApiException}, with a message), and a failure changes
 * nothing: the journal and every resource stay as they were, and the invariants hold.
 */
class FuzzProperties {

    private static final String NUMBER = "+15005550001";
    private static final String CUSTOMER = "+15551230001";

    // ------------------------------------------------------------------ generators

    /** Strings that are almost right, plainly wrong, empty, huge, odd Unicode, or null. */
    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "null", "+", "+0", "+1", "+15551230001", "+1555123000123456789", "5551230001",
                        "+1 555 123 0001", "whatsapp:", "whatsapp:+15551230001", "WhatsApp:+15551230001",
                        "whatsapp:5551230001", "messenger:123", "sms:+15551230001", "+15005550001",
                        "\u0000", "\uD800", "😀", "{", "{}", "[]", "{\"a\":1}", "\"x\"", "PT5M", "PT0S", "P1D",
                        "-PT1M", "PT1S", "active", "inactive", "closed", "initializing", "GET", "post", "DELETE",
                        "true", "false", "TRUE", "1", "-1", "99999999999", "default", "webhook", "studio", "trigger",
                        "flex", "sms", "whatsapp", "onMessageAdded", "onMessageAdd", "onUserAdded", "bogusEvent",
                        "https://svc.example.com/hook", "ftp://x", "CH00000000000000000000000000000001",
                        "CH0000000000000000000000000000000Z", "MB00000000000000000000000000000001",
                        "IS00000000000000000000000000000001", "MG00000000000000000000000000000001",
                        "IG00000000000000000000000000000001", "WH00000000000000000000000000000001",
                        "IM00000000000000000000000000000001", "FW00000000000000000000000000000001",
                        "RL00000000000000000000000000000001", "known", "alice@example.com"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withCharRange('0', '9').withChars('+', ':', 'w').ofMaxLength(18),
                Arbitraries.strings().ascii().ofMinLength(250).ofMaxLength(1700))
                .injectNull(0.1);
    }

    private static final List<String> NAMES = List.of("FriendlyName", "UniqueName", "Attributes", "State",
            "Timers.Inactive", "Timers.Closed", "MessagingServiceSid", "DateCreated", "DateUpdated", "Identity",
            "MessagingBinding.Address", "MessagingBinding.ProxyAddress", "MessagingBinding.ProjectedAddress",
            "RoleSid", "Author", "Body", "MediaSid", "Type", "Address", "AutoCreation.Enabled", "AutoCreation.Type",
            "AutoCreation.ConversationServiceSid", "AutoCreation.WebhookUrl", "AutoCreation.WebhookMethod",
            "AutoCreation.WebhookFilters", "AutoCreation.StudioFlowSid", "AutoCreation.StudioRetryCount",
            "DefaultChatServiceSid", "DefaultMessagingServiceSid", "DefaultInactiveTimer", "DefaultClosedTimer",
            "PreWebhookUrl", "PostWebhookUrl", "Method", "Filters", "Target", "Configuration.Url",
            "Configuration.Method", "Configuration.Filters", "Configuration.Triggers", "Configuration.FlowSid",
            "Configuration.ReplayAfter", "LastReadMessageIndex", "LastReadTimestamp");

    /** One form parameter: a name (Twilio's, or garbage) and one or more values. */
    record Param(String name, List<String> values) {
    }

    @Provide
    Arbitrary<List<Param>> forms() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.of(NAMES),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<List<String>> values = garbage().list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(name, values).as(Param::new).list().ofMaxSize(6);
    }

    /** Every call of {@link ConversationsApi}. */
    enum Call {
        CREATE_CONVERSATION, CREATE_CONVERSATION_IN_SERVICE, FETCH_CONVERSATION, UPDATE_CONVERSATION,
        DELETE_CONVERSATION, LIST_CONVERSATIONS, LIST_CONVERSATIONS_OF_SERVICE, CREATE_PARTICIPANT, FETCH_PARTICIPANT,
        UPDATE_PARTICIPANT, DELETE_PARTICIPANT, LIST_PARTICIPANTS, FIND_BY_ADDRESS, FIND_BY_IDENTITY, CREATE_MESSAGE,
        FETCH_MESSAGE, UPDATE_MESSAGE, DELETE_MESSAGE, LIST_MESSAGES, CREATE_ADDRESS_CONFIGURATION,
        FETCH_ADDRESS_CONFIGURATION, UPDATE_ADDRESS_CONFIGURATION, DELETE_ADDRESS_CONFIGURATION,
        LIST_ADDRESS_CONFIGURATIONS, CREATE_SERVICE, FETCH_SERVICE, DELETE_SERVICE, LIST_SERVICES,
        FETCH_CONFIGURATION, UPDATE_CONFIGURATION, FETCH_GLOBAL_WEBHOOKS, UPDATE_GLOBAL_WEBHOOKS,
        FETCH_SERVICE_WEBHOOKS, UPDATE_SERVICE_WEBHOOKS, CREATE_CONVERSATION_WEBHOOK, FETCH_CONVERSATION_WEBHOOK,
        UPDATE_CONVERSATION_WEBHOOK, DELETE_CONVERSATION_WEBHOOK, LIST_CONVERSATION_WEBHOOKS
    }

    /** Which path argument to use: 0 garbage, 1 an identifier of another role, else one of the role's own. */
    @Provide
    Arbitrary<Integer> ids() {
        return Arbitraries.integers().between(0, 9);
    }

    /** Mostly real media types, sometimes garbage. */
    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.of("image/jpeg", "image/png", "video/mp4")),
                net.jqwik.api.Tuple.of(1, garbage()));
    }

    /** Mostly the Twilio number, sometimes its WhatsApp twin or garbage. */
    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(NUMBER)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("whatsapp:" + NUMBER)),
                net.jqwik.api.Tuple.of(1, garbage()));
    }

    /** Mostly real addresses (the Twilio number, customers, WhatsApp), sometimes garbage. */
    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(NUMBER, CUSTOMER, "+15551230002", "+15551230003",
                        "+15551230004", "whatsapp:+15551230001", "whatsapp:+15005550001", "+447700900123")),
                net.jqwik.api.Tuple.of(1, garbage()));
    }

    // ------------------------------------------------------------------ the simulator each try gets

    /** What a path argument stands for; each role has its real identifiers in the world. */
    enum Role { CONVERSATION, PARTICIPANT, MESSAGE, WEBHOOK, SERVICE, ADDRESS_CONFIGURATION, ADDRESS }

    /** A simulator with one of everything, and the identifiers a caller could know, by role. */
    record World(ConversationsSimulator sim, java.util.Map<Role, List<String>> ids) {

        /** Mostly a real identifier of the role; sometimes one of another role; sometimes garbage. */
        String pick(Role role, int choice, String garbage) {
            if (choice == 0) {
                return garbage;
            }
            if (choice == 1) {
                List<String> all = new ArrayList<>();
                ids.values().forEach(all::addAll);
                return all.get(garbage == null ? 0 : Math.floorMod(garbage.hashCode(), all.size()));
            }
            List<String> own = ids.get(role);
            return own.get(choice % own.size());
        }
    }

    static World world() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER).build();
        ConversationsApi api = sim.api();
        ConversationService service = api.createService("second");
        Conversation known = api.createConversation(new ConversationRequest().uniqueName("known"));
        Participant pair = api.createParticipant(known.sid(),
                new ParticipantRequest().address(CUSTOMER).proxyAddress(NUMBER));
        api.createParticipant(known.sid(), new ParticipantRequest().identity("alice@example.com"));
        String message = api.createMessage(known.sid(), new MessageRequest().body("hi")).sid();
        ConversationWebhook webhook = api.createConversationWebhook(known.sid(), new ConversationWebhookRequest()
                .target("webhook").url("https://svc.example.com/scoped").filters("onMessageAdded"));
        InboundOutcome auto = sim.receive("+15551230002", NUMBER, "autocreated");
        java.util.Map<Role, List<String>> ids = new java.util.EnumMap<>(Role.class);
        ids.put(Role.CONVERSATION, List.of(known.sid(), "known", auto.conversationSid()));
        ids.put(Role.PARTICIPANT, List.of(pair.sid(), "alice@example.com"));
        ids.put(Role.MESSAGE, List.of(message));
        ids.put(Role.WEBHOOK, List.of(webhook.sid()));
        ids.put(Role.SERVICE, List.of(service.sid(), api.fetchConfiguration().defaultChatServiceSid()));
        ids.put(Role.ADDRESS_CONFIGURATION, List.of(api.listAddressConfigurations().get(0).sid(), NUMBER));
        ids.put(Role.ADDRESS, List.of(CUSTOMER, "+15551230002", NUMBER));
        return new World(sim, ids);
    }

    /** Everything the API can show, as text: equal text means nothing changed. */
    static String state(ConversationsSimulator sim) {
        ConversationsApi api = sim.api();
        StringBuilder out = new StringBuilder();
        for (Conversation c : api.listConversations()) {
            out.append(c).append('\n').append(api.listParticipants(c.sid())).append('\n')
                    .append(api.listMessages(c.sid())).append('\n').append(api.listConversationWebhooks(c.sid()))
                    .append('\n');
        }
        out.append(api.listAddressConfigurations()).append('\n').append(api.listServices()).append('\n')
                .append(api.fetchConfiguration()).append('\n').append(api.fetchGlobalWebhooks()).append('\n');
        for (ConversationService s : api.listServices()) {
            out.append(api.fetchServiceWebhooks(s.sid())).append('\n');
        }
        out.append(sim.messagingServices()).append(sim.phoneNumbers()).append(sim.routingQueue());
        return out.toString();
    }

    /** Runs the input; it must work or fail with a documented error that changed nothing. */
    static void worksOrFailsCleanly(ConversationsSimulator sim, Runnable input) {
        String journalBefore = sim.journalText();
        String stateBefore = state(sim);
        try {
            input.run();
        } catch (TwilioApiException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.code()).isPositive();
            assertThat(e.status()).isBetween(400, 499);
            assertThat(sim.journalText()).isEqualTo(journalBefore);
            assertThat(state(sim)).isEqualTo(stateBefore);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(sim.journalText()).isEqualTo(journalBefore);
            assertThat(state(sim)).isEqualTo(stateBefore);
        }
        sim.verifyInvariants();
    }

    private static <R extends ApiRequest<R>> R fill(Supplier<R> make, List<Param> form, boolean webhooks) {
        R request = make.get();
        for (Param p : form) {
            if (p.values().size() == 1) {
                request.param(p.name(), p.values().get(0));
            } else {
                request.params(p.name(), new ArrayList<>(p.values()));
            }
        }
        return request.webhookEnabled(webhooks);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 500)
    void everyApiCallWithGarbageWorksOrFailsWithATwilioErrorThatChangesNothing(@ForAll Call call,
            @ForAll("ids") int first, @ForAll("ids") int second, @ForAll("garbage") String garbageA,
            @ForAll("garbage") String garbageB, @ForAll("forms") List<Param> form, @ForAll boolean webhooks) {
        World w = world();
        ConversationsApi api = w.sim().api();
        String c = w.pick(Role.CONVERSATION, first, garbageA);
        String s = w.pick(Role.SERVICE, first, garbageA);
        String ac = w.pick(Role.ADDRESS_CONFIGURATION, first, garbageA);
        String address = w.pick(Role.ADDRESS, first, garbageA);
        String p = w.pick(Role.PARTICIPANT, second, garbageB);
        String m = w.pick(Role.MESSAGE, second, garbageB);
        String wh = w.pick(Role.WEBHOOK, second, garbageB);
        worksOrFailsCleanly(w.sim(), () -> {
            switch (call) {
                case CREATE_CONVERSATION -> api.createConversation(fill(ConversationRequest::new, form, webhooks));
                case CREATE_CONVERSATION_IN_SERVICE -> api.createConversation(s,
                        fill(ConversationRequest::new, form, webhooks));
                case FETCH_CONVERSATION -> api.fetchConversation(c);
                case UPDATE_CONVERSATION -> api.updateConversation(c, fill(ConversationRequest::new, form, webhooks));
                case DELETE_CONVERSATION -> api.deleteConversation(c, webhooks);
                case LIST_CONVERSATIONS -> api.listConversations();
                case LIST_CONVERSATIONS_OF_SERVICE -> api.listConversations(s);
                case CREATE_PARTICIPANT -> api.createParticipant(c, fill(ParticipantRequest::new, form, webhooks));
                case FETCH_PARTICIPANT -> api.fetchParticipant(c, p);
                case UPDATE_PARTICIPANT -> api.updateParticipant(c, p, fill(ParticipantRequest::new, form, webhooks));
                case DELETE_PARTICIPANT -> api.deleteParticipant(c, p, webhooks);
                case LIST_PARTICIPANTS -> api.listParticipants(c);
                case FIND_BY_ADDRESS -> api.findParticipantsByAddress(address);
                case FIND_BY_IDENTITY -> api.findParticipantsByIdentity(p);
                case CREATE_MESSAGE -> api.createMessage(c, fill(MessageRequest::new, form, webhooks));
                case FETCH_MESSAGE -> api.fetchMessage(c, m);
                case UPDATE_MESSAGE -> api.updateMessage(c, m, fill(MessageRequest::new, form, webhooks));
                case DELETE_MESSAGE -> api.deleteMessage(c, m, webhooks);
                case LIST_MESSAGES -> api.listMessages(c);
                case CREATE_ADDRESS_CONFIGURATION -> api.createAddressConfiguration(
                        fill(AddressConfigurationRequest::new, form, webhooks));
                case FETCH_ADDRESS_CONFIGURATION -> api.fetchAddressConfiguration(ac);
                case UPDATE_ADDRESS_CONFIGURATION -> api.updateAddressConfiguration(ac,
                        fill(AddressConfigurationRequest::new, form, webhooks));
                case DELETE_ADDRESS_CONFIGURATION -> api.deleteAddressConfiguration(ac);
                case LIST_ADDRESS_CONFIGURATIONS -> api.listAddressConfigurations();
                case CREATE_SERVICE -> api.createService(garbageA);
                case FETCH_SERVICE -> api.fetchService(s);
                case DELETE_SERVICE -> api.deleteService(s);
                case LIST_SERVICES -> api.listServices();
                case FETCH_CONFIGURATION -> api.fetchConfiguration();
                case UPDATE_CONFIGURATION -> api.updateConfiguration(fill(ConfigurationRequest::new, form, webhooks));
                case FETCH_GLOBAL_WEBHOOKS -> api.fetchGlobalWebhooks();
                case UPDATE_GLOBAL_WEBHOOKS -> api.updateGlobalWebhooks(
                        fill(WebhookConfigurationRequest::new, form, webhooks));
                case FETCH_SERVICE_WEBHOOKS -> api.fetchServiceWebhooks(s);
                case UPDATE_SERVICE_WEBHOOKS -> api.updateServiceWebhooks(s,
                        fill(WebhookConfigurationRequest::new, form, webhooks));
                case CREATE_CONVERSATION_WEBHOOK -> api.createConversationWebhook(c,
                        fill(ConversationWebhookRequest::new, form, webhooks));
                case FETCH_CONVERSATION_WEBHOOK -> api.fetchConversationWebhook(c, wh);
                case UPDATE_CONVERSATION_WEBHOOK -> api.updateConversationWebhook(c, wh,
                        fill(ConversationWebhookRequest::new, form, webhooks));
                case DELETE_CONVERSATION_WEBHOOK -> api.deleteConversationWebhook(c, wh);
                case LIST_CONVERSATION_WEBHOOKS -> api.listConversationWebhooks(c);
            }
        });
    }

    @Property(tries = 1000)
    void addressParseAcceptsExactlyTheValidShapesAndNamesEveryBadValue(@ForAll("garbage") String value) {
        Address parsed;
        try {
            parsed = Address.parse(value);
        } catch (IllegalArgumentException e) {
            assertThat(Address.isValid(value)).isFalse();
            assertThat(e.getMessage()).contains("[" + value + "]").contains("expected like");
            return;
        }
        assertThat(Address.isValid(value)).isTrue();
        assertThat(parsed.value()).isEqualTo(value);
        assertThat(Address.parse(parsed.value())).isEqualTo(parsed);
    }

    @Property(tries = 500)
    void anyInboundMessageIsHandledOrRefusedWithoutChangingAnything(@ForAll("addresses") String from,
            @ForAll("numbers") String to, @ForAll("garbage") String body,
            @ForAll @Size(max = 2) List<@net.jqwik.api.From("addresses") String> others,
            @ForAll @Size(max = 2) List<@net.jqwik.api.From("contentTypes") String> mediaTypes) {
        World w = world();
        worksOrFailsCleanly(w.sim(), () -> {
            List<Address> recipients = new ArrayList<>();
            for (String other : others) {
                recipients.add(Address.parse(other));
            }
            List<InboundMedia> media = new ArrayList<>();
            for (String type : mediaTypes) {
                media.add(new InboundMedia(type == null ? "" : type, type));
            }
            InboundMessage message = new InboundMessage(Address.parse(from), Address.parse(to), body, recipients,
                    media);
            InboundOutcome outcome = w.sim().receive(message);
            assertThat(outcome).isNotNull();
            assertThat(outcome.explanation()).isNotBlank();
        });
    }

    @Property(tries = 300)
    void anyBodyFromABoundCustomerIsCapturedOrRefusedAsTooLong(@ForAll("garbage") String body) {
        World w = world();
        worksOrFailsCleanly(w.sim(), () -> {
            InboundOutcome outcome = w.sim().receive(CUSTOMER, NUMBER, body);
            assertThat(outcome).isInstanceOf(InboundOutcome.Captured.class);
            assertThat(w.sim().api().fetchMessage(outcome.conversationSid(), outcome.messageSid()).body())
                    .isEqualTo(body == null ? "" : body);
        });
    }
}
