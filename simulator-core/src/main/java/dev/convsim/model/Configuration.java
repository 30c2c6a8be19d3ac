package dev.convsim.model;

import java.time.Duration;

/**
 * The account's Conversations configuration ({@code /v1/Configuration}): default services and default timers
 * applied to every new conversation (null when unset).
 */
public record Configuration(
        String accountSid,
        String defaultChatServiceSid,
        String defaultMessagingServiceSid,
        Duration defaultInactiveTimer,
        Duration defaultClosedTimer) {
}
