package dev.convsim;

import dev.convsim.routing.PoolSelection;
import dev.convsim.webhook.HttpFailureTreatment;
import java.time.Duration;
import java.util.Objects;

/**
 * Every behaviour the reference leaves open, as one named option with a documented default (README, "Fidelity").
 * Immutable; change options with {@link #toBuilder()}.
 *
 * <pre>{@code
 * FidelityOptions.defaults().toBuilder().numberWebhookFiresAlongside(false).build()
 * }</pre>
 *
 * @param numberWebhookFiresAlongside the number's own SMS URL fires on every inbound message to it, also when
 *     Conversations captures, autocreates or drops it (default true: the current doc text and live observation)
 * @param addressConfigurationFirst an enabled address configuration wins over an autocreating messaging service
 *     (default true: Flex's wording)
 * @param reactivationReason the {@code Reason} of {@code onConversationStateUpdated} when activity reactivates an
 *     inactive conversation (default {@code EVENT}: the documented reason for event-driven changes)
 * @param globalAndServiceBothReceive an event fires to the global and the service scope independently (default
 *     true); when false, a conversation's events go to its service scope only, if that scope has a URL for them
 * @param serviceSkipsCarrierMessageAdded the service scope does not receive {@code onMessageAdded} for a message
 *     that arrived from the carrier (default false; a live spike observed it)
 * @param restPreActionHooks a REST call with {@code X-Twilio-Webhook-Enabled: true} also fires pre-action hooks,
 *     which may reject it (default true)
 * @param uniqueNameFromPreAction a pre-action answer may set {@code unique_name} (default false: undocumented)
 * @param stateUpdatedOnOneToOneAutocreation 1:1 autocreation also fires {@code onConversationStateUpdated}
 *     (default false: not documented, not observed)
 * @param groupMmsEnabled the account has Group MMS (default true); when off, group API calls fail with 50452 and
 *     an inbound group message is handled as a 1:1 message from From to To
 * @param groupParticipantLimit the most participants a group MMS conversation may have (default 10: current docs;
 *     older docs said 20)
 * @param webhookTimeout how long a webhook may take before it counts as timed out (default 5 s, Twilio's maximum);
 *     for a real HTTP delivery it bounds the whole exchange: connecting, sending, and reading the full answer
 * @param refusedConnection what a real HTTP delivery counts as when the connection is refused (default
 *     {@link HttpFailureTreatment#NO_ANSWER}: the reference's "no response" row; Twilio's treatment is undocumented)
 * @param brokenResponse what a real HTTP delivery counts as when the service closes the connection before a
 *     complete answer or sends one that is not HTTP (default {@link HttpFailureTreatment#NO_ANSWER}, as above)
 * @param autocreationPropagationDelay how long a console change to autocreation takes to apply, the old setting
 *     applying meanwhile (default zero; the docs say up to 60 s)
 * @param poolSelection how {@code Routers.pool()} chooses among available workers (default least assigned: Twilio
 *     does not document Frontline's rule); {@code Routers.pool(PoolSelection)} pins a rule that overrides this
 * @param scopedWebhookSeesAutocreation the conversation-scoped webhook of a {@code webhook} or {@code studio}
 *     address configuration is attached when its conversation is created, so it receives the autocreation's own
 *     post-action events ({@code onParticipantAdded}, {@code onMessageAdded}) as its filters allow (default true:
 *     the documented filter examples imply it, and a Studio flow starts on the first message); when false it is
 *     attached after all the events of the autocreation itself and sees only later ones, among them a group's move
 *     from initializing to active (Twilio does not document the moment)
 * @param webhookRetries how many times a global or service webhook, pre- or post-action, is sent again when it
 *     times out or answers 429, 503 or 504, each retry carrying {@code RetryCount} 1, 2, … at the same simulated
 *     instant (default 0: Twilio documents no retry for Conversations and payloads carry {@code RetryCount=0};
 *     Programmable Chat's webhook retry count works this way, and Twilio's {@code #rc=} override allows 0 to 5). A
 *     refused or broken real HTTP connection counted as no answer ({@link #refusedConnection()},
 *     {@link #brokenResponse()}) is retried too; over real HTTP each retry may wait {@link #webhookTimeout()}
 * @param journalLimit how many journal entries are kept, and apart how many webhook deliveries; older ones are
 *     dropped and counted, and the journal and delivery views say so (default 100,000: a full journal holds about
 *     2.5 MB of captured messages, 24 bytes an entry, about 11 MB of autocreations, or about 40 MB when every
 *     message fires webhooks)
 */
public record FidelityOptions(
        boolean numberWebhookFiresAlongside,
        boolean addressConfigurationFirst,
        String reactivationReason,
        boolean globalAndServiceBothReceive,
        boolean serviceSkipsCarrierMessageAdded,
        boolean restPreActionHooks,
        boolean uniqueNameFromPreAction,
        boolean stateUpdatedOnOneToOneAutocreation,
        boolean groupMmsEnabled,
        int groupParticipantLimit,
        Duration webhookTimeout,
        HttpFailureTreatment refusedConnection,
        HttpFailureTreatment brokenResponse,
        Duration autocreationPropagationDelay,
        PoolSelection poolSelection,
        boolean scopedWebhookSeesAutocreation,
        int webhookRetries,
        int journalLimit) {

    private static final FidelityOptions DEFAULTS = new FidelityOptions(true, true, "EVENT", true, false, true,
            false, false, true, 10, Duration.ofSeconds(5), HttpFailureTreatment.NO_ANSWER, HttpFailureTreatment.NO_ANSWER,
            Duration.ZERO, PoolSelection.LEAST_ASSIGNED, true, 0, 100_000);

    /** Validates every option. */
    public FidelityOptions {
        Objects.requireNonNull(reactivationReason, "reactivationReason");
        if (!reactivationReason.equals("EVENT") && !reactivationReason.equals("API")
                && !reactivationReason.equals("TIMER")) {
            throw new IllegalArgumentException("reactivationReason [" + reactivationReason
                    + "] is not a Reason: expected EVENT, API or TIMER");
        }
        if (groupParticipantLimit < 3) {
            throw new IllegalArgumentException("groupParticipantLimit [" + groupParticipantLimit
                    + "] is too small: a group MMS needs at least 3 participants");
        }
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        if (webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("webhookTimeout [" + webhookTimeout + "] must be positive, e.g. PT5S");
        }
        if (webhookTimeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("webhookTimeout [" + webhookTimeout
                    + "] is longer than a day: use at most P1D");
        }
        Objects.requireNonNull(refusedConnection, "refusedConnection");
        Objects.requireNonNull(brokenResponse, "brokenResponse");
        Objects.requireNonNull(autocreationPropagationDelay, "autocreationPropagationDelay");
        if (autocreationPropagationDelay.isNegative()) {
            throw new IllegalArgumentException("autocreationPropagationDelay [" + autocreationPropagationDelay
                    + "] must not be negative: use PT0S for none");
        }
        if (autocreationPropagationDelay.compareTo(ConversationsSimulator.MAX_DELAY) > 0) {
            throw new IllegalArgumentException("autocreationPropagationDelay [" + autocreationPropagationDelay
                    + "] is longer than convsim's maximum of P36500D: use at most P36500D");
        }
        Objects.requireNonNull(poolSelection, "poolSelection");
        if (webhookRetries < 0 || webhookRetries > 5) {
            throw new IllegalArgumentException("webhookRetries [" + webhookRetries
                    + "] is out of range: use 0 to 5, as Twilio's #rc= override allows (default 0)");
        }
        if (journalLimit < 1) {
            throw new IllegalArgumentException("journalLimit [" + journalLimit
                    + "] must be at least 1: it is how many journal entries are kept (default 100000)");
        }
    }

    /** The documented defaults. */
    public static FidelityOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes options one at a time; unchanged ones keep their values. */
    public static final class Builder {
        private boolean numberWebhookFiresAlongside;
        private boolean addressConfigurationFirst;
        private String reactivationReason;
        private boolean globalAndServiceBothReceive;
        private boolean serviceSkipsCarrierMessageAdded;
        private boolean restPreActionHooks;
        private boolean uniqueNameFromPreAction;
        private boolean stateUpdatedOnOneToOneAutocreation;
        private boolean groupMmsEnabled;
        private int groupParticipantLimit;
        private Duration webhookTimeout;
        private HttpFailureTreatment refusedConnection;
        private HttpFailureTreatment brokenResponse;
        private Duration autocreationPropagationDelay;
        private PoolSelection poolSelection;
        private boolean scopedWebhookSeesAutocreation;
        private int webhookRetries;
        private int journalLimit;

        private Builder(FidelityOptions o) {
            numberWebhookFiresAlongside = o.numberWebhookFiresAlongside;
            addressConfigurationFirst = o.addressConfigurationFirst;
            reactivationReason = o.reactivationReason;
            globalAndServiceBothReceive = o.globalAndServiceBothReceive;
            serviceSkipsCarrierMessageAdded = o.serviceSkipsCarrierMessageAdded;
            restPreActionHooks = o.restPreActionHooks;
            uniqueNameFromPreAction = o.uniqueNameFromPreAction;
            stateUpdatedOnOneToOneAutocreation = o.stateUpdatedOnOneToOneAutocreation;
            groupMmsEnabled = o.groupMmsEnabled;
            groupParticipantLimit = o.groupParticipantLimit;
            webhookTimeout = o.webhookTimeout;
            refusedConnection = o.refusedConnection;
            brokenResponse = o.brokenResponse;
            autocreationPropagationDelay = o.autocreationPropagationDelay;
            poolSelection = o.poolSelection;
            scopedWebhookSeesAutocreation = o.scopedWebhookSeesAutocreation;
            webhookRetries = o.webhookRetries;
            journalLimit = o.journalLimit;
        }

        /** See {@link FidelityOptions#numberWebhookFiresAlongside()}. */
        public Builder numberWebhookFiresAlongside(boolean value) {
            numberWebhookFiresAlongside = value;
            return this;
        }

        /** See {@link FidelityOptions#addressConfigurationFirst()}. */
        public Builder addressConfigurationFirst(boolean value) {
            addressConfigurationFirst = value;
            return this;
        }

        /** See {@link FidelityOptions#reactivationReason()}. */
        public Builder reactivationReason(String value) {
            reactivationReason = value;
            return this;
        }

        /** See {@link FidelityOptions#globalAndServiceBothReceive()}. */
        public Builder globalAndServiceBothReceive(boolean value) {
            globalAndServiceBothReceive = value;
            return this;
        }

        /** See {@link FidelityOptions#serviceSkipsCarrierMessageAdded()}. */
        public Builder serviceSkipsCarrierMessageAdded(boolean value) {
            serviceSkipsCarrierMessageAdded = value;
            return this;
        }

        /** See {@link FidelityOptions#restPreActionHooks()}. */
        public Builder restPreActionHooks(boolean value) {
            restPreActionHooks = value;
            return this;
        }

        /** See {@link FidelityOptions#uniqueNameFromPreAction()}. */
        public Builder uniqueNameFromPreAction(boolean value) {
            uniqueNameFromPreAction = value;
            return this;
        }

        /** See {@link FidelityOptions#stateUpdatedOnOneToOneAutocreation()}. */
        public Builder stateUpdatedOnOneToOneAutocreation(boolean value) {
            stateUpdatedOnOneToOneAutocreation = value;
            return this;
        }

        /** See {@link FidelityOptions#groupMmsEnabled()}. */
        public Builder groupMmsEnabled(boolean value) {
            groupMmsEnabled = value;
            return this;
        }

        /** See {@link FidelityOptions#groupParticipantLimit()}. */
        public Builder groupParticipantLimit(int value) {
            groupParticipantLimit = value;
            return this;
        }

        /** See {@link FidelityOptions#webhookTimeout()}. */
        public Builder webhookTimeout(Duration value) {
            webhookTimeout = value;
            return this;
        }

        /** See {@link FidelityOptions#refusedConnection()}. */
        public Builder refusedConnection(HttpFailureTreatment value) {
            refusedConnection = value;
            return this;
        }

        /** See {@link FidelityOptions#brokenResponse()}. */
        public Builder brokenResponse(HttpFailureTreatment value) {
            brokenResponse = value;
            return this;
        }

        /** See {@link FidelityOptions#autocreationPropagationDelay()}. */
        public Builder autocreationPropagationDelay(Duration value) {
            autocreationPropagationDelay = value;
            return this;
        }

        /** See {@link FidelityOptions#poolSelection()}. */
        public Builder poolSelection(PoolSelection value) {
            poolSelection = value;
            return this;
        }

        /** See {@link FidelityOptions#scopedWebhookSeesAutocreation()}. */
        public Builder scopedWebhookSeesAutocreation(boolean value) {
            scopedWebhookSeesAutocreation = value;
            return this;
        }

        /** See {@link FidelityOptions#webhookRetries()}. */
        public Builder webhookRetries(int value) {
            webhookRetries = value;
            return this;
        }

        /** See {@link FidelityOptions#journalLimit()}. */
        public Builder journalLimit(int value) {
            journalLimit = value;
            return this;
        }

        /** The options; throws IllegalArgumentException naming a bad value. */
        public FidelityOptions build() {
            return new FidelityOptions(numberWebhookFiresAlongside, addressConfigurationFirst, reactivationReason,
                    globalAndServiceBothReceive, serviceSkipsCarrierMessageAdded, restPreActionHooks,
                    uniqueNameFromPreAction, stateUpdatedOnOneToOneAutocreation, groupMmsEnabled,
                    groupParticipantLimit, webhookTimeout, refusedConnection, brokenResponse,
                    autocreationPropagationDelay, poolSelection, scopedWebhookSeesAutocreation, webhookRetries,
                    journalLimit);
        }
    }
}
