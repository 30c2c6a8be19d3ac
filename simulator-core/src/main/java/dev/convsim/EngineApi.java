package dev.convsim;

import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ConversationWebhookRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.Form;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.journal.JournalEntry.Action;
import dev.convsim.journal.JournalEntry.Resource;
import dev.convsim.model.Address;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.AutoCreation;
import dev.convsim.model.AutoCreationType;
import dev.convsim.model.Channel;
import dev.convsim.model.Configuration;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationService;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Message;
import dev.convsim.model.MessagingService;
import dev.convsim.model.Participant;
import dev.convsim.model.PhoneNumber;
import dev.convsim.model.Sids;
import dev.convsim.webhook.ConversationWebhook;
import dev.convsim.webhook.WebhookConfiguration;
import dev.convsim.webhook.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** The Conversations v1 resource operations on the engine's state. */
final class EngineApi extends Engine implements ConversationsApi {

    private static final Duration MIN_INACTIVE = Duration.ofMinutes(1);
    private static final Duration MIN_CLOSED = Duration.ofMinutes(10);

    private final RoutingContextImpl routingContext = new RoutingContextImpl(this);

    EngineApi(Instant start, FidelityOptions options, String accountSid, String authToken, HttpDelivery http) {
        super(start, options, accountSid, authToken, http);
    }

    @Override
    RoutingContextImpl routingContext() {
        return routingContext;
    }

    // ------------------------------------------------------------------ the mutation lifecycle

    /** A pre-action hook to run before committing: the event, the conversation's service and the parameters. */
    private record PreCall(WebhookEvent event, String chatServiceSid, Map<String, String> params) {
    }

    /**
     * Validates under the lock; when the call fires webhooks, runs the pre-action hook with no lock held; then
     * validates again and commits under the lock. Failures change nothing.
     */
    private <P, R> R mutate(boolean webhooks, Supplier<P> validate, Function<P, PreCall> pre,
            BiFunction<P, Map<String, String>, R> commit) {
        return command(() -> {
            Map<String, String> changes = Map.of();
            if (webhooks && options.restPreActionHooks() && pre != null) {
                Object[] prepared = new Object[2];
                locked(() -> {
                    P p = validate.get();
                    PreCall call = pre.apply(p);
                    if (call != null) {
                        prepared[0] = call;
                        prepared[1] = scopeTargets(call.event(), call.chatServiceSid(), false);
                    }
                });
                PreCall call = (PreCall) prepared[0];
                if (call != null) {
                    @SuppressWarnings("unchecked")
                    List<Target> targets = (List<Target>) prepared[1];
                    Verdict verdict = preAction(call.event(), targets, call.params());
                    if (verdict.rejected()) {
                        String text = "the pre-action webhook " + call.event().wire() + " at " + verdict.url()
                                + " answered " + verdict.status() + ", so the call was rejected";
                        locked(() -> note(call.params().get("ConversationSid"), 20403, text));
                        throw new TwilioApiException(20403, 403, text);
                    }
                    changes = verdict.changes();
                    checkAnswer(call.event(), changes);
                }
            }
            Map<String, String> modified = changes;
            return locked(() -> commit.apply(validate.get(), modified));
        });
    }

    /** A pre-action answer's invalid values fail the API call, as Twilio returns them to the caller (§6.4). */
    private static void checkAnswer(WebhookEvent event, Map<String, String> changes) {
        String where = "the " + event.wire() + " answer's ";
        String attributes = changes.get("attributes");
        if (attributes != null) {
            FormReader.checkJson(where + "attributes", attributes);
        }
        String friendlyName = changes.get("friendly_name");
        if (friendlyName != null && friendlyName.length() > 256) {
            throw TwilioApiException.invalidParameter(where + "friendly_name is " + friendlyName.length()
                    + " characters long: Twilio accepts at most 256");
        }
        String body = changes.get("body");
        if (body != null && body.length() > 1600) {
            throw new TwilioApiException(21617, 400, where + "body is " + body.length()
                    + " characters: Twilio accepts at most 1600");
        }
    }

    // ------------------------------------------------------------------ lookups

    ConvEntity conversation(String sidOrUniqueName) {
        ConvEntity c = conversations.get(sidOrUniqueName);
        if (c == null) {
            c = byUniqueName.get(sidOrUniqueName);
        }
        if (c == null) {
            throw TwilioApiException.notFound("/Conversations/" + sidOrUniqueName);
        }
        return c;
    }

    private ConvEntity usable(String sidOrUniqueName) {
        ConvEntity c = conversation(sidOrUniqueName);
        if (c.state == ConversationState.CLOSED) {
            throw new TwilioApiException(50377, 400, "Can't update conversation " + c.sid
                    + " as it's in final closed state");
        }
        if (c.state == ConversationState.INITIALIZING) {
            throw new TwilioApiException(50386, 400, "Conversation " + c.sid
                    + " is initializing: it can't be updated or used until it is active");
        }
        return c;
    }

    private PartEntity participant(ConvEntity c, String sidOrIdentity) {
        PartEntity p = c.participants.get(sidOrIdentity);
        if (p == null && sidOrIdentity != null) {
            for (PartEntity candidate : c.participants.values()) {
                if (sidOrIdentity.equals(candidate.identity)) {
                    p = candidate;
                    break;
                }
            }
        }
        if (p == null) {
            throw TwilioApiException.notFound("/Conversations/" + c.sid + "/Participants/" + sidOrIdentity);
        }
        return p;
    }

    private Message message(ConvEntity c, String sid) {
        for (Message m : c.messages) {
            if (m.sid().equals(sid)) {
                return m;
            }
        }
        throw TwilioApiException.notFound("/Conversations/" + c.sid + "/Messages/" + sid);
    }

    private String service(String chatServiceSid) {
        if (!services.containsKey(chatServiceSid)) {
            throw TwilioApiException.notFound("/Services/" + chatServiceSid);
        }
        return chatServiceSid;
    }

    private Conversation snapshot(ConvEntity c) {
        return c.snapshot(accountSid);
    }

    // ------------------------------------------------------------------ conversations

    @Override
    public Conversation createConversation(ConversationRequest request) {
        return createConversation(null, request);
    }

    /** The validated parameters of a conversation create or update. */
    private record ConversationChange(ConvEntity existing, String chatServiceSid, String friendlyName,
            String uniqueName, String attributes, String messagingServiceSid, ConversationState state,
            Duration inactive, Duration closed) {
    }

    private ConversationChange readConversation(Form form, ConvEntity existing, String chatServiceSid) {
        FormReader f = new FormReader(form);
        String friendlyName = f.string("FriendlyName", 256);
        String uniqueName = f.string("UniqueName", 256);
        if (uniqueName != null) {
            if (Sids.is(Sids.CONVERSATION, uniqueName)) {
                throw new TwilioApiException(50390, 400, "UniqueName [" + uniqueName
                        + "] matches the conversation SID pattern: choose a name that is not shaped like CH + 32 hex digits");
            }
            ConvEntity holder = byUniqueName.get(uniqueName);
            if (holder != null && holder != existing) {
                throw new TwilioApiException(50353, 409, "Conversation with provided unique name [" + uniqueName
                        + "] already exists: " + holder.sid);
            }
        }
        String attributes = f.json("Attributes");
        String messagingServiceSid = f.sid("MessagingServiceSid", Sids.MESSAGING_SERVICE);
        if (messagingServiceSid != null && !messagingServices.containsKey(messagingServiceSid)) {
            throw TwilioApiException.notFound("/Services/" + messagingServiceSid + " (messaging service)");
        }
        String stateValue = f.string("State");
        ConversationState state = null;
        if (stateValue != null) {
            state = ConversationState.fromWire(stateValue);
            if (state == null || state == ConversationState.INITIALIZING) {
                throw TwilioApiException.invalidParameter("State [" + stateValue
                        + "] is not a state you can set: expected active, inactive or closed");
            }
        }
        Duration inactive = f.timer("Timers.Inactive", MIN_INACTIVE, 50379, 50375);
        Duration closed = f.timer("Timers.Closed", MIN_CLOSED, 50380, 50376);
        if (existing == null && (inactive != null || closed != null) && state == null) {
            throw new TwilioApiException(50382, 400,
                    "Timers can't be set on create without State: send State (e.g. active) in the same request");
        }
        return new ConversationChange(existing, chatServiceSid, friendlyName, uniqueName, attributes,
                messagingServiceSid, state, inactive, closed);
    }

    @Override
    public Conversation createConversation(String chatServiceSid, ConversationRequest request) {
        Form form = request.form();
        return mutate(request.isWebhookEnabled(), () -> {
            String svc = chatServiceSid == null ? defaultChatServiceSid : service(chatServiceSid);
            return readConversation(form, null, svc);
        }, ch -> new PreCall(WebhookEvent.ON_CONVERSATION_ADD, ch.chatServiceSid(),
                WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_ADD, "API")
                        .put("FriendlyName", ch.friendlyName())
                        .put("UniqueName", ch.uniqueName())
                        .put("Attributes", ch.attributes() == null ? "{}" : ch.attributes())
                        .put("ChatServiceSid", ch.chatServiceSid())
                        .put("MessagingServiceSid", ch.messagingServiceSid() != null
                                ? ch.messagingServiceSid()
                                : defaultMessagingServiceSid)
                        .put("State", ch.state() == null ? "active" : ch.state().wire())
                        .build()),
                (ch, changes) -> {
                    ConvEntity c = new ConvEntity(mint(Sids.CONVERSATION), ch.chatServiceSid(), now());
                    c.friendlyName = changes.getOrDefault("friendly_name", ch.friendlyName());
                    c.uniqueName = ch.uniqueName();
                    c.attributes = changes.getOrDefault("attributes",
                            ch.attributes() == null ? "{}" : ch.attributes());
                    c.messagingServiceSid = ch.messagingServiceSid() != null
                            ? ch.messagingServiceSid()
                            : defaultMessagingServiceSid;
                    c.inactiveTimer = nonZero(ch.inactive() != null ? ch.inactive() : defaultInactiveTimer);
                    c.closedTimer = nonZero(ch.closed() != null ? ch.closed() : defaultClosedTimer);
                    c.state = ch.state() == null ? ConversationState.ACTIVE : ch.state();
                    conversations.put(c.sid, c);
                    if (c.uniqueName != null) {
                        byUniqueName.put(c.uniqueName, c);
                    }
                    armTimers(c);
                    record(Resource.CONVERSATION, Action.ADDED, c.sid, c.sid, "created by the API");
                    if (request.isWebhookEnabled()) {
                        post(WebhookEvent.ON_CONVERSATION_ADDED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_ADDED, "API")
                                        .conversation(c).put("State", c.state.wire()).build(),
                                false);
                    }
                    return snapshot(c);
                });
    }

    @Override
    public Conversation fetchConversation(String sidOrUniqueName) {
        return locked(() -> snapshot(conversation(sidOrUniqueName)));
    }

    @Override
    public Conversation updateConversation(String sidOrUniqueName, ConversationRequest request) {
        Form form = request.form();
        boolean webhooks = request.isWebhookEnabled();
        return mutate(webhooks, () -> readConversation(form, usable(sidOrUniqueName), null),
                ch -> new PreCall(WebhookEvent.ON_CONVERSATION_UPDATE, ch.existing().chatServiceSid,
                        WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_UPDATE, "API")
                                .conversation(ch.existing())
                                .put("State", ch.existing().state.wire()).build()),
                (ch, changes) -> {
                    ConvEntity c = ch.existing();
                    String friendlyName = changes.getOrDefault("friendly_name", ch.friendlyName());
                    if (friendlyName != null) {
                        c.friendlyName = friendlyName;
                    }
                    if (ch.uniqueName() != null && !ch.uniqueName().equals(c.uniqueName)) {
                        if (c.uniqueName != null) {
                            byUniqueName.remove(c.uniqueName);
                        }
                        c.uniqueName = ch.uniqueName();
                        byUniqueName.put(c.uniqueName, c);
                    }
                    String attributes = changes.getOrDefault("attributes", ch.attributes());
                    if (attributes != null) {
                        c.attributes = attributes;
                    }
                    if (ch.messagingServiceSid() != null) {
                        c.messagingServiceSid = ch.messagingServiceSid();
                    }
                    boolean timersChanged = false;
                    if (ch.inactive() != null) {
                        c.inactiveTimer = nonZero(ch.inactive());
                        timersChanged = true;
                    }
                    if (ch.closed() != null) {
                        c.closedTimer = nonZero(ch.closed());
                        timersChanged = true;
                    }
                    c.dateUpdated = now();
                    record(Resource.CONVERSATION, Action.UPDATED, c.sid, c.sid, null);
                    if (webhooks) {
                        post(WebhookEvent.ON_CONVERSATION_UPDATED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_UPDATED, "API")
                                        .conversation(c).put("State", c.state.wire()).build(),
                                false);
                    }
                    if (ch.state() != null && ch.state() != c.state) {
                        changeState(c, ch.state(), "API", webhooks, "API");
                        if (ch.state() == ConversationState.INACTIVE && timersChanged) {
                            armTimers(c);
                        }
                    } else if (timersChanged) {
                        armTimers(c);
                    }
                    return snapshot(c);
                });
    }

    @Override
    public void deleteConversation(String sidOrUniqueName, boolean webhookEnabled) {
        mutate(webhookEnabled, () -> conversation(sidOrUniqueName),
                c -> new PreCall(WebhookEvent.ON_CONVERSATION_REMOVE, c.chatServiceSid,
                        WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_REMOVE, "API")
                                .conversation(c).put("State", c.state.wire()).build()),
                (c, changes) -> {
                    removeConversation(c);
                    if (webhookEnabled) {
                        post(WebhookEvent.ON_CONVERSATION_REMOVED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_REMOVED, "API")
                                        .conversation(c).put("State", c.state.wire())
                                        .put("DateRemoved", now()).build(),
                                false);
                    }
                    return null;
                });
    }

    private void removeConversation(ConvEntity c) {
        releaseBindings(c);
        conversations.remove(c.sid);
        if (c.uniqueName != null) {
            byUniqueName.remove(c.uniqueName);
        }
        c.timerGeneration++;
        workerQueue.remove(c.sid);
        record(Resource.CONVERSATION, Action.REMOVED, c.sid, c.sid, null);
    }

    @Override
    public List<Conversation> listConversations() {
        return locked(() -> {
            List<Conversation> out = new ArrayList<>(conversations.size());
            for (ConvEntity c : conversations.values()) {
                out.add(snapshot(c));
            }
            return out;
        });
    }

    @Override
    public List<Conversation> listConversations(String chatServiceSid) {
        return locked(() -> {
            service(chatServiceSid);
            List<Conversation> out = new ArrayList<>();
            for (ConvEntity c : conversations.values()) {
                if (c.chatServiceSid.equals(chatServiceSid)) {
                    out.add(snapshot(c));
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ participants

    /** A validated participant to add. */
    private record NewParticipant(ConvEntity conversation, String identity, Address address, Address proxy,
            Address projected, String attributes, String roleSid) {
    }

    private NewParticipant readNewParticipant(String conversation, Form form) {
        ConvEntity c = usable(conversation);
        FormReader f = new FormReader(form);
        String identity = f.string("Identity", 256);
        if (identity != null && identity.isEmpty()) {
            identity = null;
        }
        Address address = f.address("MessagingBinding.Address");
        Address proxy = f.address("MessagingBinding.ProxyAddress");
        Address projected = f.address("MessagingBinding.ProjectedAddress");
        String attributes = f.json("Attributes");
        String roleSid = f.sid("RoleSid", "RL");
        if (identity == null && address == null) {
            throw TwilioApiException.invalidParameter(
                    "A participant needs Identity (chat) or MessagingBinding.Address (SMS/WhatsApp): send one");
        }
        if (identity != null && address != null) {
            throw TwilioApiException.invalidParameter("Identity [" + identity + "] and MessagingBinding.Address ["
                    + address + "] can't both be set: a chat participant has an identity, an SMS participant an address");
        }
        if (address != null && projected != null) {
            throw new TwilioApiException(50407, 400, "Invalid messaging binding address: MessagingBinding.Address ["
                    + address + "] can't have a ProjectedAddress: projected addresses belong to identity participants");
        }
        if (identity != null && proxy != null) {
            throw TwilioApiException.invalidParameter("MessagingBinding.ProxyAddress [" + proxy
                    + "] needs MessagingBinding.Address: an identity participant takes a ProjectedAddress instead");
        }
        if (address != null && isOwned(address)) {
            throw new TwilioApiException(50407, 400, "Invalid messaging binding address: MessagingBinding.Address ["
                    + address + "] is a number of this account; the customer's number goes in Address and the Twilio number in ProxyAddress");
        }
        if (address != null && proxy != null) {
            if (address.channel() != proxy.channel()) {
                throw new TwilioApiException(50407, 400, "Invalid messaging binding address: MessagingBinding.Address ["
                        + address + "] and ProxyAddress [" + proxy + "] are on different channels");
            }
            PartEntity holder = pairIndex.get(address, proxy);
            if (holder != null) {
                if (holder.conversationSid().equals(c.sid)) {
                    throw new TwilioApiException(50437, 409, "Group Participant already exists: the pair " + address
                            + " → " + proxy + " is already participant " + holder.sid + " of " + c.sid);
                }
                throw new TwilioApiException(50416, 409,
                        "A binding for this participant and proxy address already exists in Conversation "
                                + holder.conversationSid());
            }
        }
        for (PartEntity p : c.participants.values()) {
            if (identity != null && identity.equals(p.identity)) {
                if (projected != null && projected.equals(p.projectedAddress)) {
                    throw new TwilioApiException(50437, 409, "Group Participant already exists: identity ["
                            + identity + "] with projected address " + projected + " is " + p.sid);
                }
                throw new TwilioApiException(50433, 409, "Participant already exists: identity [" + identity
                        + "] is participant " + p.sid + " of " + c.sid);
            }
            if (address != null && proxy == null && address.equals(p.address) && p.proxyAddress == null) {
                throw new TwilioApiException(50437, 409, "Group Participant already exists: address " + address
                        + " is participant " + p.sid + " of " + c.sid);
            }
        }
        boolean groupShape = (address != null && proxy == null) || projected != null;
        if (groupShape) {
            checkGroupParticipant(c, address != null ? address : projected);
        }
        return new NewParticipant(c, identity, address, proxy, projected, attributes, roleSid);
    }

    private void checkGroupParticipant(ConvEntity c, Address added) {
        if (!options.groupMmsEnabled()) {
            throw new TwilioApiException(50452, 400,
                    "Group MMS is not enabled for this Account: a participant with only an Address or a ProjectedAddress needs Group MMS");
        }
        if (added.channel() != Channel.SMS || !added.isNorthAmerican()) {
            throw new TwilioApiException(50435, 400, "Group MMS activation failed: [" + added
                    + "] is not a +1 SMS number; group texting works with US/Canada long codes only");
        }
        List<Address> group = c.numberGroup();
        if (group.contains(added)) {
            return; // another worker already shows this projected number: the group stays the same
        }
        if (group.size() + 1 > options.groupParticipantLimit()) {
            throw new TwilioApiException(50436, 400, "Participant limit exceeded for group conversation " + c.sid
                    + ": it has " + group.size() + " of at most " + options.groupParticipantLimit());
        }
        group.add(added);
        group.sort(null);
        ConvEntity holder = groupIndex.get(group);
        if (holder != null && holder != c) {
            throw new TwilioApiException(50438, 409, "Group conversation with given participant list already exists: "
                    + holder.sid + " has " + group);
        }
    }

    @Override
    public Participant createParticipant(String conversation, ParticipantRequest request) {
        Form form = request.form();
        boolean webhooks = request.isWebhookEnabled();
        return mutate(webhooks, () -> readNewParticipant(conversation, form),
                np -> {
                    PartEntity preview = new PartEntity(null, np.conversation(), np.identity(), np.address(),
                            np.proxy(), np.projected(), now());
                    preview.attributes = np.attributes() == null ? "{}" : np.attributes();
                    preview.roleSid = np.roleSid();
                    return new PreCall(WebhookEvent.ON_PARTICIPANT_ADD, np.conversation().chatServiceSid,
                            WebhookParams.start(accountSid, WebhookEvent.ON_PARTICIPANT_ADD, "API")
                                    .participant(preview, false).build());
                },
                (np, changes) -> {
                    ConvEntity c = np.conversation();
                    PartEntity p = new PartEntity(mint(Sids.PARTICIPANT), c, np.identity(), np.address(),
                            np.proxy(), np.projected(), now());
                    p.attributes = np.attributes() == null ? "{}" : np.attributes();
                    p.roleSid = np.roleSid();
                    c.participants.put(p.sid, p);
                    bind(p);
                    if (np.projected() != null || (np.address() != null && np.proxy() == null)) {
                        reindexGroup(c);
                    }
                    record(Resource.PARTICIPANT, Action.ADDED, p.sid, c.sid, describe(p));
                    if (webhooks) {
                        post(WebhookEvent.ON_PARTICIPANT_ADDED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_PARTICIPANT_ADDED, "API")
                                        .participant(p, true).build(),
                                false);
                    }
                    activity(c, webhooks, "API");
                    return p.snapshot(accountSid);
                });
    }

    @Override
    public Participant fetchParticipant(String conversation, String sidOrIdentity) {
        return locked(() -> participant(conversation(conversation), sidOrIdentity).snapshot(accountSid));
    }

    /** A validated participant update. */
    private record ParticipantChange(ConvEntity conversation, PartEntity participant, Form form) {
    }

    @Override
    public Participant updateParticipant(String conversation, String sidOrIdentity, ParticipantRequest request) {
        Form form = request.form();
        boolean webhooks = request.isWebhookEnabled();
        return mutate(webhooks, () -> {
            ConvEntity c = usable(conversation);
            PartEntity p = participant(c, sidOrIdentity);
            FormReader f = new FormReader(form);
            f.json("Attributes");
            f.sid("RoleSid", "RL");
            f.string("Identity", 256);
            f.integer("LastReadMessageIndex");
            if (form.has("MessagingBinding.Address")) {
                throw TwilioApiException.invalidParameter(
                        "MessagingBinding.Address can't be updated: remove the participant and add a new one");
            }
            String identity = form.get("Identity");
            if (identity != null && !identity.equals(p.identity)) {
                for (PartEntity other : c.participants.values()) {
                    if (other != p && identity.equals(other.identity)) {
                        throw new TwilioApiException(50433, 409, "Participant already exists: identity [" + identity
                                + "] is participant " + other.sid + " of " + c.sid);
                    }
                }
            }
            if (form.has("MessagingBinding.ProxyAddress") && !"null".equals(form.get("MessagingBinding.ProxyAddress"))) {
                Address proxy = f.address("MessagingBinding.ProxyAddress");
                if (p.address == null) {
                    throw TwilioApiException.invalidParameter(
                            "MessagingBinding.ProxyAddress needs a participant with an Address");
                }
                PartEntity holder = pairIndex.get(p.address, proxy);
                if (holder != null && holder != p) {
                    throw new TwilioApiException(50416, 409,
                            "A binding for this participant and proxy address already exists in Conversation "
                                    + holder.conversationSid());
                }
            }
            if (form.has("MessagingBinding.ProjectedAddress")
                    && !"null".equals(form.get("MessagingBinding.ProjectedAddress"))) {
                f.address("MessagingBinding.ProjectedAddress");
            }
            return new ParticipantChange(c, p, form);
        }, ch -> new PreCall(WebhookEvent.ON_PARTICIPANT_UPDATE, ch.conversation().chatServiceSid,
                WebhookParams.start(accountSid, WebhookEvent.ON_PARTICIPANT_UPDATE, "API")
                        .participant(ch.participant(), true).put("DateUpdated", ch.participant().dateUpdated).build()),
                (ch, changes) -> {
                    ConvEntity c = ch.conversation();
                    PartEntity p = ch.participant();
                    FormReader f = new FormReader(ch.form());
                    if (f.has("Attributes")) {
                        p.attributes = f.json("Attributes");
                    }
                    if (f.has("RoleSid")) {
                        p.roleSid = f.string("RoleSid");
                    }
                    if (f.has("Identity")) {
                        p.identity = f.string("Identity");
                    }
                    if (f.has("LastReadMessageIndex")) {
                        p.lastReadMessageIndex = f.integer("LastReadMessageIndex");
                        p.lastReadTimestamp = now();
                    }
                    boolean rebind = false;
                    if (f.has("MessagingBinding.ProxyAddress")) {
                        unbind(p);
                        p.proxyAddress = f.address("MessagingBinding.ProxyAddress");
                        bind(p);
                        rebind = true;
                    }
                    if (f.has("MessagingBinding.ProjectedAddress")) {
                        p.projectedAddress = f.address("MessagingBinding.ProjectedAddress");
                        rebind = true;
                    }
                    if (rebind) {
                        reindexGroup(c);
                    }
                    p.dateUpdated = now();
                    record(Resource.PARTICIPANT, Action.UPDATED, p.sid, c.sid, null);
                    if (webhooks) {
                        post(WebhookEvent.ON_PARTICIPANT_UPDATED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_PARTICIPANT_UPDATED, "API")
                                        .participant(p, true).put("DateUpdated", p.dateUpdated)
                                        .put("LastReadMessageIndex", p.lastReadMessageIndex == null
                                                ? null
                                                : p.lastReadMessageIndex.toString())
                                        .build(),
                                false);
                    }
                    return p.snapshot(accountSid);
                });
    }

    /** A validated removal. */
    private record Removal(ConvEntity conversation, PartEntity participant) {
    }

    /**
     * Removing a group member must not leave two non-closed conversations with one number group: the index could
     * hold only one of them, and a later message would be captured by the wrong one.
     */
    private void checkGroupAfterRemoval(ConvEntity c, PartEntity removed) {
        if (c.state == ConversationState.CLOSED || !((removed.address != null && removed.proxyAddress == null)
                || removed.projectedAddress != null)) {
            return;
        }
        List<Address> after = c.numberGroupWithout(removed);
        ConvEntity holder = after.isEmpty() ? null : groupIndex.get(after);
        if (holder != null && holder != c) {
            throw new TwilioApiException(50438, 409, "Group conversation with given participant list already exists: "
                    + holder.sid + " has " + after + "; removing " + removed.sid + " from " + c.sid
                    + " would make a second one");
        }
    }

    @Override
    public void deleteParticipant(String conversation, String sidOrIdentity, boolean webhookEnabled) {
        mutate(webhookEnabled, () -> {
            ConvEntity c = conversation(conversation);
            if (c.state == ConversationState.INITIALIZING) {
                usable(conversation);
            }
            PartEntity p = participant(c, sidOrIdentity);
            checkGroupAfterRemoval(c, p);
            return new Removal(c, p);
        }, r -> new PreCall(WebhookEvent.ON_PARTICIPANT_REMOVE, r.conversation().chatServiceSid,
                WebhookParams.start(accountSid, WebhookEvent.ON_PARTICIPANT_REMOVE, "API")
                        .participant(r.participant(), true).put("DateUpdated", r.participant().dateUpdated).build()),
                (r, changes) -> {
                    ConvEntity c = r.conversation();
                    PartEntity p = r.participant();
                    c.participants.remove(p.sid);
                    unbind(p);
                    if (p.projectedAddress != null || (p.address != null && p.proxyAddress == null)) {
                        reindexGroup(c);
                    }
                    record(Resource.PARTICIPANT, Action.REMOVED, p.sid, c.sid, describe(p));
                    if (webhookEnabled) {
                        post(WebhookEvent.ON_PARTICIPANT_REMOVED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_PARTICIPANT_REMOVED, "API")
                                        .participant(p, true).put("DateUpdated", p.dateUpdated)
                                        .put("DateRemoved", now()).build(),
                                false);
                    }
                    return null;
                });
    }

    @Override
    public List<Participant> listParticipants(String conversation) {
        return locked(() -> {
            ConvEntity c = conversation(conversation);
            List<Participant> out = new ArrayList<>(c.participants.size());
            for (PartEntity p : c.participants.values()) {
                out.add(p.snapshot(accountSid));
            }
            return out;
        });
    }

    @Override
    public List<Participant> findParticipantsByAddress(String address) {
        Address parsed = FormReader.parseAddress("Address", address);
        return findParticipants(p -> parsed.equals(p.address) || parsed.equals(p.projectedAddress));
    }

    @Override
    public List<Participant> findParticipantsByIdentity(String identity) {
        return findParticipants(p -> identity != null && identity.equals(p.identity));
    }

    private List<Participant> findParticipants(java.util.function.Predicate<PartEntity> test) {
        return locked(() -> {
            List<Participant> out = new ArrayList<>();
            for (ConvEntity c : conversations.values()) {
                for (PartEntity p : c.participants.values()) {
                    if (test.test(p)) {
                        out.add(p.snapshot(accountSid));
                    }
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ messages

    /** A validated message to send. */
    private record NewMessage(ConvEntity conversation, String author, String body, String attributes,
            String participantSid) {
    }

    private static String checkBody(String body) {
        if (body != null && body.length() > 1600) {
            throw new TwilioApiException(21617, 400, "The message body is " + body.length()
                    + " characters: Twilio accepts at most 1600");
        }
        return body;
    }

    @Override
    public Message createMessage(String conversation, MessageRequest request) {
        Form form = request.form();
        boolean webhooks = request.isWebhookEnabled();
        return mutate(webhooks, () -> {
            ConvEntity c = usable(conversation);
            FormReader f = new FormReader(form);
            String body = checkBody(f.string("Body"));
            String author = f.string("Author");
            String attributes = f.json("Attributes");
            if (body == null && !form.has("MediaSid") && !form.has("ContentSid")) {
                throw new TwilioApiException(20001, 400, "Missing required parameter Body: a message needs a Body, a MediaSid or a ContentSid");
            }
            String participantSid = null;
            if (author != null) {
                for (PartEntity p : c.participants.values()) {
                    if (author.equals(p.identity) || (p.address != null && author.equals(p.address.value()))
                            || (p.projectedAddress != null && author.equals(p.projectedAddress.value()))) {
                        participantSid = p.sid;
                        break;
                    }
                }
            }
            return new NewMessage(c, author == null ? "system" : author, body, attributes, participantSid);
        }, nm -> new PreCall(WebhookEvent.ON_MESSAGE_ADD, nm.conversation().chatServiceSid,
                WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_ADD, "API")
                        .put("ConversationSid", nm.conversation().sid).put("Body", nm.body())
                        .put("Author", nm.author()).put("ParticipantSid", nm.participantSid())
                        .put("Attributes", nm.attributes() == null ? "{}" : nm.attributes()).build()),
                (nm, changes) -> {
                    ConvEntity c = nm.conversation();
                    Message m = appendMessage(c, nm.participantSid(), changes.getOrDefault("author", nm.author()),
                            changes.getOrDefault("body", nm.body()),
                            changes.getOrDefault("attributes", nm.attributes() == null ? "{}" : nm.attributes()),
                            null);
                    record(Resource.MESSAGE, Action.ADDED, m.sid(), c.sid, "index " + m.index());
                    activity(c, webhooks, "API");
                    if (webhooks) {
                        post(WebhookEvent.ON_MESSAGE_ADDED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_ADDED, "API")
                                        .message(m, c.messagingServiceSid).build(),
                                false);
                    }
                    return m;
                });
    }

    @Override
    public Message fetchMessage(String conversation, String messageSid) {
        return locked(() -> message(conversation(conversation), messageSid));
    }

    /** A validated message change. */
    private record MessageChange(ConvEntity conversation, Message message, Form form) {
    }

    @Override
    public Message updateMessage(String conversation, String messageSid, MessageRequest request) {
        Form form = request.form();
        boolean webhooks = request.isWebhookEnabled();
        return mutate(webhooks, () -> {
            ConvEntity c = usable(conversation);
            Message m = message(c, messageSid);
            FormReader f = new FormReader(form);
            checkBody(f.string("Body"));
            f.json("Attributes");
            return new MessageChange(c, m, form);
        }, ch -> new PreCall(WebhookEvent.ON_MESSAGE_UPDATE, ch.conversation().chatServiceSid,
                WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_UPDATE, "API")
                        .message(ch.message(), ch.conversation().messagingServiceSid).build()),
                (ch, changes) -> {
                    ConvEntity c = ch.conversation();
                    Message old = ch.message();
                    FormReader f = new FormReader(ch.form());
                    String body = changes.getOrDefault("body", f.has("Body") ? f.string("Body") : old.body());
                    String author = changes.getOrDefault("author", f.has("Author") ? f.string("Author") : old.author());
                    String attributes = changes.getOrDefault("attributes",
                            f.has("Attributes") ? f.string("Attributes") : old.attributes());
                    Message m = new Message(old.accountSid(), old.conversationSid(), old.sid(), old.index(), author,
                            body, old.media(), attributes, old.participantSid(), old.dateCreated(), now());
                    c.messages.set(c.messages.indexOf(old), m);
                    record(Resource.MESSAGE, Action.UPDATED, m.sid(), c.sid, "index " + m.index());
                    if (webhooks) {
                        post(WebhookEvent.ON_MESSAGE_UPDATED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_UPDATED, "API")
                                        .message(m, c.messagingServiceSid).put("DateUpdated", m.dateUpdated())
                                        .build(),
                                false);
                    }
                    return m;
                });
    }

    @Override
    public void deleteMessage(String conversation, String messageSid, boolean webhookEnabled) {
        mutate(webhookEnabled, () -> {
            ConvEntity c = usable(conversation);
            return new MessageChange(c, message(c, messageSid), Form.empty());
        }, ch -> new PreCall(WebhookEvent.ON_MESSAGE_REMOVE, ch.conversation().chatServiceSid,
                WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_REMOVE, "API")
                        .message(ch.message(), ch.conversation().messagingServiceSid).build()),
                (ch, changes) -> {
                    ConvEntity c = ch.conversation();
                    c.messages.remove(ch.message());
                    record(Resource.MESSAGE, Action.REMOVED, ch.message().sid(), c.sid, null);
                    if (webhookEnabled) {
                        post(WebhookEvent.ON_MESSAGE_REMOVED, c,
                                WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_REMOVED, "API")
                                        .message(ch.message(), c.messagingServiceSid).put("DateRemoved", now())
                                        .build(),
                                false);
                    }
                    return null;
                });
    }

    @Override
    public List<Message> listMessages(String conversation) {
        return locked(() -> List.copyOf(conversation(conversation).messages));
    }

    // ------------------------------------------------------------------ address configurations

    private AddressConfiguration addressConfiguration(String sidOrAddress) {
        AddressConfiguration ac = addressConfigurations.get(sidOrAddress);
        if (ac == null && Address.isValid(sidOrAddress)) {
            ac = addressConfigurationByAddress.get(Address.parse(sidOrAddress));
        }
        if (ac == null) {
            throw TwilioApiException.notFound("/Configuration/Addresses/" + sidOrAddress);
        }
        return ac;
    }

    private AutoCreation readAutoCreation(FormReader f, AutoCreation base) {
        Boolean enabled = f.bool("AutoCreation.Enabled");
        String typeValue = f.string("AutoCreation.Type");
        AutoCreationType type = base.type();
        if (typeValue != null) {
            type = AutoCreationType.fromWire(typeValue);
            if (type == null) {
                throw TwilioApiException.invalidParameter("AutoCreation.Type [" + typeValue
                        + "] is not an autocreation type: expected default, webhook or studio");
            }
        }
        String service = f.has("AutoCreation.ConversationServiceSid")
                ? f.sid("AutoCreation.ConversationServiceSid", Sids.CONVERSATION_SERVICE)
                : base.conversationServiceSid();
        if (service != null) {
            service(service);
        }
        String url = f.has("AutoCreation.WebhookUrl") ? f.string("AutoCreation.WebhookUrl") : base.webhookUrl();
        String method = f.has("AutoCreation.WebhookMethod") ? f.method("AutoCreation.WebhookMethod") : base.webhookMethod();
        List<String> filters = base.webhookFilters();
        if (f.has("AutoCreation.WebhookFilters")) {
            filters = FormReader.wireNames(f.filters("AutoCreation.WebhookFilters",
                    WebhookEvent.conversationFilterable(), 50365));
        }
        String flow = f.has("AutoCreation.StudioFlowSid") ? f.sid("AutoCreation.StudioFlowSid", Sids.FLOW)
                : base.studioFlowSid();
        Integer retries = f.has("AutoCreation.StudioRetryCount") ? f.integer("AutoCreation.StudioRetryCount")
                : base.studioRetryCount();
        if (retries != null && (retries < 0 || retries > 3)) {
            throw TwilioApiException.invalidParameter("AutoCreation.StudioRetryCount [" + retries
                    + "] is out of range: expected 0 to 3");
        }
        if (type == AutoCreationType.WEBHOOK && (url == null || url.isBlank())) {
            throw new TwilioApiException(50369, 400,
                    "AutoCreation.WebhookUrl is required when AutoCreation.Type is webhook");
        }
        if (type == AutoCreationType.STUDIO && flow == null) {
            throw TwilioApiException.invalidParameter(
                    "AutoCreation.StudioFlowSid is required when AutoCreation.Type is studio: send the FW… SID of the flow");
        }
        return new AutoCreation(enabled != null ? enabled : base.enabled(), type, service, url, method, filters, flow,
                retries);
    }

    @Override
    public AddressConfiguration createAddressConfiguration(AddressConfigurationRequest request) {
        Form form = request.form();
        return command(() -> locked(() -> {
            FormReader f = new FormReader(form);
            String typeValue = f.required("Type");
            Channel type = switch (typeValue) {
                case "sms" -> Channel.SMS;
                case "whatsapp" -> Channel.WHATSAPP;
                default -> throw TwilioApiException.invalidParameter("Type [" + typeValue
                        + "] is not an address type convsim simulates: expected sms or whatsapp");
            };
            String raw = f.required("Address");
            Address address = FormReader.parseAddress("Address", type == Channel.WHATSAPP && !raw.startsWith("whatsapp:")
                    ? "whatsapp:" + raw
                    : raw);
            if (address.channel() != type) {
                throw TwilioApiException.invalidParameter("Address [" + raw + "] is not a " + typeValue + " address");
            }
            AddressConfiguration existing = addressConfigurationByAddress.get(address);
            if (existing != null) {
                throw new TwilioApiException(50353, 409, "An address configuration for " + address
                        + " already exists: " + existing.sid() + "; update it instead");
            }
            AutoCreation autoCreation = readAutoCreation(f, AutoCreation.disabled());
            AddressConfiguration ac = new AddressConfiguration(mint(Sids.ADDRESS_CONFIGURATION), accountSid, type,
                    address, f.string("FriendlyName", 256), autoCreation, now(), now());
            addressConfigurations.put(ac.sid(), ac);
            addressConfigurationByAddress.put(address, ac);
            record(Resource.ADDRESS_CONFIGURATION, Action.ADDED, ac.sid(), null, address + " autocreation "
                    + (autoCreation.enabled() ? "enabled (" + autoCreation.type().wire() + ")" : "disabled"));
            return ac;
        }));
    }

    @Override
    public AddressConfiguration fetchAddressConfiguration(String sidOrAddress) {
        return locked(() -> addressConfiguration(sidOrAddress));
    }

    @Override
    public AddressConfiguration updateAddressConfiguration(String sidOrAddress, AddressConfigurationRequest request) {
        Form form = request.form();
        return command(() -> locked(() -> {
            AddressConfiguration old = addressConfiguration(sidOrAddress);
            FormReader f = new FormReader(form);
            if (form.has("Type") || form.has("Address")) {
                throw TwilioApiException.invalidParameter(
                        "Type and Address can't be updated: delete the address configuration and create a new one");
            }
            AutoCreation autoCreation = readAutoCreation(f, old.autoCreation());
            AddressConfiguration ac = new AddressConfiguration(old.sid(), accountSid, old.type(), old.address(),
                    f.has("FriendlyName") ? f.string("FriendlyName", 256) : old.friendlyName(), autoCreation,
                    old.dateCreated(), now());
            addressConfigurations.put(ac.sid(), ac);
            addressConfigurationByAddress.put(ac.address(), ac);
            record(Resource.ADDRESS_CONFIGURATION, Action.UPDATED, ac.sid(), null, ac.address() + " autocreation "
                    + (autoCreation.enabled() ? "enabled (" + autoCreation.type().wire() + ")" : "disabled"));
            return ac;
        }));
    }

    @Override
    public void deleteAddressConfiguration(String sidOrAddress) {
        command(() -> locked(() -> {
            AddressConfiguration ac = addressConfiguration(sidOrAddress);
            addressConfigurations.remove(ac.sid());
            addressConfigurationByAddress.remove(ac.address());
            record(Resource.ADDRESS_CONFIGURATION, Action.REMOVED, ac.sid(), null, ac.address().toString());
            return null;
        }));
    }

    @Override
    public List<AddressConfiguration> listAddressConfigurations() {
        return locked(() -> List.copyOf(addressConfigurations.values()));
    }

    // ------------------------------------------------------------------ services and configuration

    ConversationService addService(String sid, String friendlyName) {
        if (friendlyName == null || friendlyName.isBlank()) {
            throw new TwilioApiException(20001, 400, "Missing required parameter FriendlyName in the post body");
        }
        if (friendlyName.length() > 256) {
            throw TwilioApiException.invalidParameter("FriendlyName is " + friendlyName.length()
                    + " characters long: Twilio accepts at most 256");
        }
        String serviceSid = sid != null ? sid : mint(Sids.CONVERSATION_SERVICE);
        if (services.containsKey(serviceSid)) {
            throw TwilioApiException.invalidParameter("Conversation service " + serviceSid + " already exists");
        }
        ConversationService s = new ConversationService(accountSid, serviceSid, friendlyName, now(), now());
        services.put(s.sid(), s);
        serviceWebhooks.put(s.sid(), WebhookConfiguration.none(s.sid()));
        if (defaultChatServiceSid == null) {
            defaultChatServiceSid = s.sid();
        }
        record(Resource.CONVERSATION_SERVICE, Action.ADDED, s.sid(), null, friendlyName);
        return s;
    }

    @Override
    public ConversationService createService(String friendlyName) {
        return command(() -> locked(() -> addService(null, friendlyName)));
    }

    @Override
    public ConversationService fetchService(String chatServiceSid) {
        return locked(() -> services.get(service(chatServiceSid)));
    }

    @Override
    public void deleteService(String chatServiceSid) {
        command(() -> locked(() -> {
            service(chatServiceSid);
            if (chatServiceSid.equals(defaultChatServiceSid)) {
                throw TwilioApiException.invalidParameter("Conversation service " + chatServiceSid
                        + " is the default conversation service: set another DefaultChatServiceSid first");
            }
            for (AddressConfiguration ac : addressConfigurations.values()) {
                if (chatServiceSid.equals(ac.autoCreation().conversationServiceSid())) {
                    throw TwilioApiException.invalidParameter("Conversation service " + chatServiceSid
                            + " is where address configuration " + ac.sid() + " (" + ac.address()
                            + ") autocreates: point it at another service first");
                }
            }
            for (ConvEntity c : new ArrayList<>(conversations.values())) {
                if (c.chatServiceSid.equals(chatServiceSid)) {
                    removeConversation(c);
                }
            }
            services.remove(chatServiceSid);
            serviceWebhooks.remove(chatServiceSid);
            webhooksChanged();
            record(Resource.CONVERSATION_SERVICE, Action.REMOVED, chatServiceSid, null, null);
            return null;
        }));
    }

    @Override
    public List<ConversationService> listServices() {
        return locked(() -> List.copyOf(services.values()));
    }

    @Override
    public Configuration fetchConfiguration() {
        return locked(this::configuration);
    }

    private Configuration configuration() {
        return new Configuration(accountSid, defaultChatServiceSid, defaultMessagingServiceSid, defaultInactiveTimer,
                defaultClosedTimer);
    }

    @Override
    public Configuration updateConfiguration(ConfigurationRequest request) {
        Form form = request.form();
        return command(() -> locked(() -> {
            FormReader f = new FormReader(form);
            String chat = f.sid("DefaultChatServiceSid", Sids.CONVERSATION_SERVICE);
            if (chat != null) {
                service(chat);
            }
            String messaging = f.sid("DefaultMessagingServiceSid", Sids.MESSAGING_SERVICE);
            if (messaging != null && !messagingServices.containsKey(messaging)) {
                throw TwilioApiException.notFound("/Services/" + messaging + " (messaging service)");
            }
            Duration inactive = f.timer("DefaultInactiveTimer", MIN_INACTIVE, 50379, 50375);
            Duration closed = f.timer("DefaultClosedTimer", MIN_CLOSED, 50380, 50376);
            if (chat != null) {
                defaultChatServiceSid = chat;
            }
            if (messaging != null) {
                defaultMessagingServiceSid = messaging;
            }
            if (inactive != null) {
                defaultInactiveTimer = nonZero(inactive);
            }
            if (closed != null) {
                defaultClosedTimer = nonZero(closed);
            }
            record(Resource.CONFIGURATION, Action.UPDATED, accountSid, null, "defaults: chat service "
                    + defaultChatServiceSid + ", inactive " + defaultInactiveTimer + ", closed " + defaultClosedTimer);
            return configuration();
        }));
    }

    private WebhookConfiguration readWebhookConfiguration(Form form, WebhookConfiguration old,
            Set<WebhookEvent> allowed) {
        FormReader f = new FormReader(form);
        String pre = f.has("PreWebhookUrl") ? emptyToNull(f.string("PreWebhookUrl")) : old.preWebhookUrl();
        String post = f.has("PostWebhookUrl") ? emptyToNull(f.string("PostWebhookUrl")) : old.postWebhookUrl();
        String method = f.has("Method") ? f.method("Method") : old.method();
        Set<WebhookEvent> filters = f.has("Filters") ? f.filters("Filters", allowed, 20001) : old.filters();
        String target = old.target();
        if (f.has("Target")) {
            target = f.string("Target");
            if (!target.equals("webhook") && !(old.chatServiceSid() == null && target.equals("flex"))) {
                throw TwilioApiException.invalidParameter("Target [" + target + "] is not a webhook target: expected webhook"
                        + (old.chatServiceSid() == null ? " or flex" : ""));
            }
        }
        return new WebhookConfiguration(old.chatServiceSid(), pre, post, method, filters, target);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public WebhookConfiguration fetchGlobalWebhooks() {
        return locked(() -> globalWebhooks);
    }

    @Override
    public WebhookConfiguration updateGlobalWebhooks(WebhookConfigurationRequest request) {
        Form form = request.form();
        return command(() -> locked(() -> {
            globalWebhooks = readWebhookConfiguration(form, globalWebhooks, WebhookEvent.globalFilterable());
            webhooksChanged();
            record(Resource.CONFIGURATION, Action.UPDATED, accountSid, null, "global webhooks: pre "
                    + globalWebhooks.preWebhookUrl() + ", post " + globalWebhooks.postWebhookUrl() + ", filters "
                    + globalWebhooks.filters());
            return globalWebhooks;
        }));
    }

    @Override
    public WebhookConfiguration fetchServiceWebhooks(String chatServiceSid) {
        return locked(() -> serviceWebhooks.get(service(chatServiceSid)));
    }

    @Override
    public WebhookConfiguration updateServiceWebhooks(String chatServiceSid, WebhookConfigurationRequest request) {
        Form form = request.form();
        return command(() -> locked(() -> {
            WebhookConfiguration updated = readWebhookConfiguration(form, serviceWebhooks.get(service(chatServiceSid)),
                    WebhookEvent.serviceFilterable());
            serviceWebhooks.put(chatServiceSid, updated);
            webhooksChanged();
            record(Resource.CONFIGURATION, Action.UPDATED, chatServiceSid, null, "service webhooks: pre "
                    + updated.preWebhookUrl() + ", post " + updated.postWebhookUrl() + ", filters " + updated.filters());
            return updated;
        }));
    }

    // ------------------------------------------------------------------ console: messaging services, numbers

    MessagingService putMessagingService(MessagingService requested) {
        String sid = requested.sid();
        String name = sid == null ? String.valueOf(requested.friendlyName()) : sid;
        if (sid != null && !Sids.is(Sids.MESSAGING_SERVICE, sid)) {
            throw new IllegalArgumentException("[" + sid
                    + "] is not a messaging service SID: expected MG followed by 32 hex digits");
        }
        if (requested.autocreateConversations() && !requested.conversationsUnlocked()) {
            throw new IllegalArgumentException("messaging service [" + name
                    + "] can't autocreate conversations while \"Handle Inbound Messages with Conversations\" is locked: unlock it first");
        }
        Set<Address> distinct = new java.util.HashSet<>();
        for (Address sender : requested.senders()) {
            if (!distinct.add(sender)) {
                throw new IllegalArgumentException("[" + sender + "] is listed twice in the sender pool of " + name);
            }
        }
        if (requested.inboundMethod() != null && !requested.inboundMethod().equals("GET")
                && !requested.inboundMethod().equals("POST")) {
            throw new IllegalArgumentException("inbound method [" + requested.inboundMethod()
                    + "] is not an HTTP method: expected GET or POST");
        }
        if (sid == null) {
            do {
                sid = mint(Sids.MESSAGING_SERVICE);
            } while (messagingServices.containsKey(sid));
        }
        MessagingService service = new MessagingService(sid, requested.friendlyName(), requested.senders(),
                requested.autocreateConversations(), requested.conversationsUnlocked(), requested.inboundRequestUrl(),
                requested.inboundMethod());
        Duration delay = options.autocreationPropagationDelay();
        if (built && !delay.isZero()) {
            Instant madeAt = now();
            Instant effective = madeAt.plus(delay);
            note(null, null, "messaging service " + Sids.abbreviate(sid) + " change made: senders " + service.senders()
                    + (service.autocreateConversations() ? ", autocreates" : ", does not autocreate")
                    + "; takes effect at " + effective + " (propagation delay " + delay + ")");
            schedule(effective, () -> applyMessagingService(service, madeAt));
        } else {
            applyMessagingService(service, null);
        }
        return service;
    }

    private void applyMessagingService(MessagingService service, Instant madeAt) {
        String sid = service.sid();
        MessagingService old = messagingServices.get(sid);
        for (Address sender : service.senders()) {
            MessagingService other = messagingServiceBySender.get(sender);
            if (other != null && !other.sid().equals(sid)) {
                List<Address> rest = new ArrayList<>(other.senders());
                rest.remove(sender);
                messagingServices.put(other.sid(), new MessagingService(other.sid(), other.friendlyName(), rest,
                        other.autocreateConversations(), other.conversationsUnlocked(), other.inboundRequestUrl(),
                        other.inboundMethod()));
                record(Resource.MESSAGING_SERVICE, Action.UPDATED, other.sid(), null, sender
                        + " moved out of its sender pool to " + Sids.abbreviate(sid));
            }
        }
        if (built) {
            String at = now().toString();
            for (Address sender : service.senders()) {
                if (old == null || !old.senders().contains(sender)) {
                    senderNotes.put(sender, "joined messaging service " + Sids.abbreviate(sid) + " at " + at);
                }
            }
            if (old != null) {
                for (Address sender : old.senders()) {
                    if (!service.senders().contains(sender)) {
                        senderNotes.put(sender, "left messaging service " + Sids.abbreviate(sid) + " at " + at);
                    }
                }
                if (old.autocreateConversations() != service.autocreateConversations()) {
                    integrationNotes.put(sid, "integration set to "
                            + (service.autocreateConversations() ? "autocreate" : "send a webhook") + " at " + at);
                }
            }
        }
        messagingServices.put(sid, service);
        reindexSenders();
        record(Resource.MESSAGING_SERVICE, old == null ? Action.ADDED : Action.UPDATED, sid, null,
                "senders " + service.senders() + (service.autocreateConversations()
                        ? ", integration autocreates conversations"
                        : service.inboundRequestUrl() != null
                                ? ", integration sends a webhook to " + service.inboundRequestUrl()
                                : ", no inbound integration")
                        + (madeAt == null ? "" : "; change made at " + madeAt + ", took effect at " + now()));
    }

    MessagingService messagingService(String sid) {
        MessagingService ms = messagingServices.get(sid);
        if (ms == null) {
            throw new IllegalArgumentException("[" + sid + "] is not a messaging service of this simulator: "
                    + "add it first (known: " + messagingServices.keySet() + ")");
        }
        return ms;
    }

    private void reindexSenders() {
        messagingServiceBySender.clear();
        for (MessagingService each : messagingServices.values()) {
            for (Address sender : each.senders()) {
                messagingServiceBySender.put(sender, each);
            }
        }
    }

    void removeMessagingService(String sid) {
        MessagingService old = messagingServices.remove(sid);
        if (old == null) {
            throw new IllegalArgumentException("[" + sid + "] is not a messaging service of this simulator");
        }
        reindexSenders();
        if (sid.equals(defaultMessagingServiceSid)) {
            defaultMessagingServiceSid = null;
        }
        record(Resource.MESSAGING_SERVICE, Action.REMOVED, sid, null, null);
    }

    PhoneNumber putPhoneNumber(PhoneNumber number) {
        if (number.smsMethod() != null && !number.smsMethod().equals("GET") && !number.smsMethod().equals("POST")) {
            throw new IllegalArgumentException("SMS method [" + number.smsMethod()
                    + "] is not an HTTP method: expected GET or POST");
        }
        Duration delay = options.autocreationPropagationDelay();
        if (built && !delay.isZero()) {
            Instant madeAt = now();
            Instant effective = madeAt.plus(delay);
            note(null, null, "phone number " + number.number() + " change made: "
                    + (number.smsUrl() == null ? "no SMS URL" : "SMS URL " + number.smsUrl()) + "; takes effect at "
                    + effective + " (propagation delay " + delay + ")");
            schedule(effective, () -> applyPhoneNumber(number, madeAt));
        } else {
            applyPhoneNumber(number, null);
        }
        return number;
    }

    private void applyPhoneNumber(PhoneNumber number, Instant madeAt) {
        PhoneNumber old = phoneNumbers.put(number.number(), number);
        record(Resource.PHONE_NUMBER, old == null ? Action.ADDED : Action.UPDATED, number.number().value(), null,
                (number.smsUrl() == null ? "no SMS URL" : "SMS URL " + number.smsUrl())
                        + (madeAt == null ? "" : "; change made at " + madeAt + ", took effect at " + now()));
    }

    // ------------------------------------------------------------------ conversation-scoped webhooks

    private ConversationWebhook readScopedWebhook(ConvEntity c, Form form, ConversationWebhook old) {
        FormReader f = new FormReader(form);
        String target = old != null ? old.target() : f.string("Target");
        if (old == null) {
            if (target == null || !(target.equals("webhook") || target.equals("trigger") || target.equals("studio"))) {
                throw new TwilioApiException(50364, 400, "Target [" + target
                        + "] is not a webhook target: expected webhook, trigger or studio");
            }
        }
        String url = f.has("Configuration.Url") ? f.string("Configuration.Url") : old == null ? null : old.url();
        String method = f.has("Configuration.Method") ? f.method("Configuration.Method")
                : old == null ? "POST" : old.method();
        List<String> filters = f.has("Configuration.Filters")
                ? FormReader.wireNames(f.filters("Configuration.Filters", WebhookEvent.conversationFilterable(), 50365))
                : old == null ? List.of() : old.filters();
        List<String> triggers = f.has("Configuration.Triggers") ? f.list("Configuration.Triggers")
                : old == null ? List.of() : old.triggers();
        String flow = f.has("Configuration.FlowSid") ? f.sid("Configuration.FlowSid", Sids.FLOW)
                : old == null ? null : old.flowSid();
        Integer replay = f.has("Configuration.ReplayAfter") ? f.integer("Configuration.ReplayAfter")
                : old == null ? null : old.replayAfter();
        if (!target.equals("studio") && (url == null || url.isBlank())) {
            throw new TwilioApiException(50369, 400, "Configuration.Url is required for target " + target);
        }
        if (target.equals("webhook") && filters.isEmpty()) {
            throw new TwilioApiException(50370, 400, "Configuration.Filters is required for target webhook: list the events to receive");
        }
        if (target.equals("trigger") && triggers.isEmpty()) {
            throw new TwilioApiException(50371, 400, "Configuration.Triggers is required for target trigger: list the keywords");
        }
        if (target.equals("studio") && flow == null) {
            throw TwilioApiException.invalidParameter("Configuration.FlowSid is required for target studio");
        }
        return new ConversationWebhook(old == null ? null : old.sid(), accountSid, c.sid, target, url, method, filters,
                triggers, flow, replay, old == null ? 0 : old.retryCount(), old == null ? now() : old.dateCreated(),
                now());
    }

    private ConversationWebhook scopedWebhook(ConvEntity c, String sid) {
        if (!Sids.is(Sids.WEBHOOK, sid)) {
            throw new TwilioApiException(50363, 400, "[" + sid + "] is not a webhook SID: expected WH followed by 32 hex digits");
        }
        ConversationWebhook wh = c.webhooks == null ? null : c.webhooks.get(sid);
        if (wh == null) {
            throw new TwilioApiException(50360, 404, "Webhook " + sid + " not found in conversation " + c.sid);
        }
        return wh;
    }

    @Override
    public ConversationWebhook createConversationWebhook(String conversation, ConversationWebhookRequest request) {
        Form form = request.form();
        return command(() -> locked(() -> {
            ConvEntity c = usable(conversation);
            ConversationWebhook draft = readScopedWebhook(c, form, null);
            ConversationWebhook wh = new ConversationWebhook(mint(Sids.WEBHOOK), accountSid, c.sid, draft.target(),
                    draft.url(), draft.method(), draft.filters(), draft.triggers(), draft.flowSid(),
                    draft.replayAfter(), 0, now(), now());
            c.webhooks().put(wh.sid(), wh);
            record(Resource.CONVERSATION_WEBHOOK, Action.ADDED, wh.sid(), c.sid, "target " + wh.target());
            return wh;
        }));
    }

    @Override
    public ConversationWebhook fetchConversationWebhook(String conversation, String webhookSid) {
        return locked(() -> scopedWebhook(conversation(conversation), webhookSid));
    }

    @Override
    public ConversationWebhook updateConversationWebhook(String conversation, String webhookSid,
            ConversationWebhookRequest request) {
        Form form = request.form();
        return command(() -> locked(() -> {
            ConvEntity c = usable(conversation);
            ConversationWebhook wh = readScopedWebhook(c, form, scopedWebhook(c, webhookSid));
            c.webhooks().put(wh.sid(), wh);
            record(Resource.CONVERSATION_WEBHOOK, Action.UPDATED, wh.sid(), c.sid, null);
            return wh;
        }));
    }

    @Override
    public void deleteConversationWebhook(String conversation, String webhookSid) {
        command(() -> locked(() -> {
            ConvEntity c = conversation(conversation);
            scopedWebhook(c, webhookSid);
            c.webhooks.remove(webhookSid);
            record(Resource.CONVERSATION_WEBHOOK, Action.REMOVED, webhookSid, c.sid, null);
            return null;
        }));
    }

    @Override
    public List<ConversationWebhook> listConversationWebhooks(String conversation) {
        return locked(() -> {
            ConvEntity c = conversation(conversation);
            return c.webhooks == null ? List.of() : List.copyOf(c.webhooks.values());
        });
    }
}
